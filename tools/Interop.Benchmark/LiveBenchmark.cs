using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using Interop.SyntheticCohort;
using Interop.Worker.Cli;
using Interop.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace Interop.Benchmark;

/// <summary>
/// "--live": requests and wall time of the real CLI's live sync against the local FHIR server on 127.0.0.1,
/// loaded with a generated EHR (first sync, then unchanged reruns), beside the naive way in the same run:
/// per-patient searches (Patient read + Condition, Observation and MedicationAdministration by subject)
/// for every patient of the EHR, with a plain HttpClient. Each sync runs in a fresh child process.
/// </summary>
internal static class LiveBenchmark
{
    public const string Mode = "--live";
    public const string ChildMode = "--measure-live";

    private const int BundleEntries = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var patients = ArgValue(args, "--patients", 2000);
        var candidates = ArgValue(args, "--candidates", 60);
        var noise = ArgValue(args, "--noise", 8);
        var rounds = ArgValue(args, "--repeat", 3);
        var spec = new CohortSpec(Seed: 11, ExtraCandidates: candidates, NonCandidatePatients: patients, NoiseResourcesPerPatient: noise);
        var siteMap = BenchmarkRunner.SiteMap();
        var work = Path.Combine(Path.GetTempPath(), "interop-bench-live", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            await using var server = await LocalFhirServer.StartAsync(RepositoryRoot(siteMap), CancellationToken.None);
            using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Accept.ParseAdd("application/fhir+json");
            Console.WriteLine($"local FHIR server {server.BaseUri}");

            var load = Stopwatch.StartNew();
            var loaded = await LoadAsync(http, spec);
            load.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"EHR: {loaded.Patients:N0} patients, {loaded.Candidates:N0} trial candidates ({(double)loaded.Candidates / loaded.Patients:P1}), {loaded.Resources:N0} resources, loaded in {loaded.Bundles} transaction Bundles (<= {BundleEntries} PUTs each) in {load.Elapsed.TotalSeconds:F1} s"));

            // Past the sync's clock-skew margin: the load is yesterday's data, not a change during the run.
            await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(1.5));

            var database = Path.Combine(work, "state.db");
            var first = await RunChildAsync(server.BaseUri, database, siteMap, Path.Combine(work, "out-first"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first sync:       {first.Requests,7:N0} requests  {first.Seconds,7:F2} s  outcomes written {first.Written:N0}, unchanged {first.Unchanged:N0}"));

            var reruns = new List<SyncResult>();
            for (var round = 1; round <= rounds; round++)
            {
                var rerun = await RunChildAsync(server.BaseUri, database, siteMap, Path.Combine(work, $"out-rerun-{round}"));
                reruns.Add(rerun);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"unchanged rerun {round}: {rerun.Requests,7:N0} requests  {rerun.Seconds,7:F2} s  outcomes written {rerun.Written:N0}, unchanged {rerun.Unchanged:N0}"));
            }

            // The installed build (dotnet publish -p:PublishProfile=self-contained: ReadyToRun), when given: the same unchanged
            // rerun as a service manager starts it, timed around the whole process (its start-up included).
            var published = ArgText(args, "--published");
            var installed = new List<SyncResult>();
            for (var round = 1; published is not null && round <= rounds; round++)
            {
                var rerun = await RunPublishedAsync(published, server.BaseUri, database, siteMap, Path.Combine(work, $"out-published-{round}"));
                installed.Add(rerun);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"unchanged rerun, published build {round}: {rerun.Requests,7:N0} requests  {rerun.Seconds,7:F2} s (whole process)  outcomes written {rerun.Written:N0}"));
            }

            var naive = new List<(long Requests, double Seconds, long Resources)>();
            for (var round = 1; round <= rounds; round++)
            {
                var result = await NaiveAsync(http);
                naive.Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"naive per-patient {round}: {result.Requests,7:N0} requests  {result.Seconds,7:F2} s  ({result.Resources:N0} resources fetched)"));
            }

            var naiveRequests = Median(naive.Select(n => (double)n.Requests));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"medians of {rounds} rounds (first sync: one run, it can only be first once):"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  first sync           {first.Requests,7:N0} requests  {first.Seconds,7:F2} s  outcomes written {first.Written:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  unchanged rerun      {Median(reruns.Select(r => (double)r.Requests)),7:N0} requests  {Median(reruns.Select(r => r.Seconds)),7:F2} s  outcomes written {Median(reruns.Select(r => (double)r.Written)):N0}  [requests: {string.Join(", ", reruns.Select(r => r.Requests))}]"));
            if (installed.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  unchanged rerun, published (ReadyToRun) build, whole process {Median(installed.Select(r => (double)r.Requests)),7:N0} requests  {Median(installed.Select(r => r.Seconds)),7:F2} s  [{string.Join(", ", installed.Select(r => r.Seconds.ToString("F2", CultureInfo.InvariantCulture)))}] (target < 3 s)"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  naive per-patient    {naiveRequests,7:N0} requests  {Median(naive.Select(n => n.Seconds)),7:F2} s  (fetch only, no evaluation)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  naive / first sync requests: {naiveRequests / first.Requests:F1}x (target >= 10x)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  unchanged rerun requests: {Median(reruns.Select(r => (double)r.Requests)):N0} (target: a handful, whatever the population)"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>Child: one real CLI live sync; prints "LIVERESULT requests seconds written unchanged".</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var (source, database, siteMap, output) = (args[1], args[2], args[3], args[4]);
        var customize = new HostCustomization(Configure: c => c.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Store:ConnectionString"] = $"Data Source={database}" }));
        using var quiet = new StringWriter();
        var watch = Stopwatch.StartNew();
        var code = await InteropCli.RunAsync(
            ["sync", "--once", "--source", source, "--out", output, "--site-map", siteMap, "--as-of", "2026-06-01"],
            quiet, Console.Error, customize, CancellationToken.None);
        watch.Stop();
        if (code != 0)
        {
            await Console.Error.WriteLineAsync($"sync exited {code}: {quiet}");
            return code;
        }

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "run-report.json")));
        var root = report.RootElement;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LIVERESULT {root.GetProperty("requestsMade").GetInt64()} {watch.Elapsed.TotalSeconds:F4} {root.GetProperty("outcomesWritten").GetInt64()} {root.GetProperty("outcomesUnchanged").GetInt64()}"));
        return 0;
    }

    private static async Task<SyncResult> RunChildAsync(Uri source, string database, string siteMap, string output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { ChildMode, source.ToString(), database, siteMap, output })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var text = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = text.Split('\n').LastOrDefault(l => l.StartsWith("LIVERESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"live sync printed no result (exit {child.ExitCode})");
        var parts = line.Trim().Split(' ');
        return new SyncResult(
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture),
            long.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    /// <summary>One unchanged rerun by the published executable, in its own process, timed from start to exit.</summary>
    private static async Task<SyncResult> RunPublishedAsync(string executable, Uri source, string database, string siteMap, string output)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "sync", "--once", "--source", source.ToString(), "--out", output, "--site-map", siteMap, "--as-of", "2026-06-01" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Store__ConnectionString"] = $"Data Source={database}";
        var watch = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        watch.Stop();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the published build exited {child.ExitCode}: {await stderr}");
        }

        _ = await stdout;
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "run-report.json")));
        var root = report.RootElement;
        return new SyncResult(root.GetProperty("requestsMade").GetInt64(), watch.Elapsed.TotalSeconds, root.GetProperty("outcomesWritten").GetInt64(), root.GetProperty("outcomesUnchanged").GetInt64());
    }

    /// <summary>The generated EHR as transaction Bundles of PUTs by id, about <see cref="BundleEntries"/> entries each.</summary>
    private static async Task<Loaded> LoadAsync(HttpClient http, CohortSpec spec)
    {
        int patients = 0, candidates = 0, resources = 0, bundles = 0;
        var bundle = NewTransaction();
        foreach (var resource in CohortGenerator.Generate(spec))
        {
            if (resource is Patient patient)
            {
                patients++;
                if (patient.Id is { } id && !id.StartsWith('n'))
                {
                    candidates++;
                }
            }

            resources++;
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{resource.TypeName}/{resource.Id}" },
            });
            if (bundle.Entry.Count >= BundleEntries)
            {
                await PostAsync(http, bundle);
                bundles++;
                bundle = NewTransaction();
            }
        }

        if (bundle.Entry.Count > 0)
        {
            await PostAsync(http, bundle);
            bundles++;
        }

        return new Loaded(patients, candidates, resources, bundles);
    }

    private static Bundle NewTransaction() => new() { Type = Bundle.BundleType.Transaction };

    private static async System.Threading.Tasks.Task PostAsync(HttpClient http, Bundle bundle)
    {
        using var content = new StringContent(JsonSerializer.Serialize(bundle, FhirJson.Options), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        using var response = await http.PostAsync(new Uri("", UriKind.Relative), content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"loading the EHR failed: HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// The naive way: discover every patient (Patient search, paged), then for each one read the Patient and
    /// search its Conditions, Observations and MedicationAdministrations (following next links). Sequential.
    /// </summary>
    private static async Task<(long Requests, double Seconds, long Resources)> NaiveAsync(HttpClient http)
    {
        long requests = 0, fetched = 0;
        var watch = Stopwatch.StartNew();
        var ids = new List<string>();
        await foreach (var entry in SearchAsync(http, "Patient?_elements=id&_count=1000", () => requests++))
        {
            if (entry.TryGetProperty("resource", out var resource) && resource.TryGetProperty("id", out var id))
            {
                ids.Add(id.GetString()!);
            }
        }

        foreach (var id in ids)
        {
            using (var read = await http.GetAsync(new Uri($"Patient/{id}", UriKind.Relative)))
            {
                requests++;
                read.EnsureSuccessStatusCode();
                _ = await read.Content.ReadAsByteArrayAsync();
                fetched++;
            }

            foreach (var type in new[] { "Condition", "Observation", "MedicationAdministration" })
            {
                await foreach (var _ in SearchAsync(http, $"{type}?subject=Patient/{id}&_count=1000", () => requests++))
                {
                    fetched++;
                }
            }
        }

        watch.Stop();
        return (requests, watch.Elapsed.TotalSeconds, fetched);
    }

    private static async IAsyncEnumerable<JsonElement> SearchAsync(HttpClient http, string relative, Action counted)
    {
        Uri? next = new(relative, UriKind.Relative);
        while (next is not null)
        {
            counted();
            using var response = await http.GetAsync(next);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            next = null;
            if (page.RootElement.TryGetProperty("link", out var links))
            {
                foreach (var link in links.EnumerateArray())
                {
                    if (link.GetProperty("relation").GetString() == "next")
                    {
                        next = new Uri(link.GetProperty("url").GetString()!);
                        if (!next.IsLoopback)
                        {
                            throw new InvalidOperationException($"next link leaves 127.0.0.1: {next}");
                        }
                    }
                }
            }

            if (page.RootElement.TryGetProperty("entry", out var entries))
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    yield return entry.Clone();
                }
            }
        }
    }

    private static string RepositoryRoot(string siteMap) => Path.GetDirectoryName(Path.GetDirectoryName(siteMap)!)!;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string? ArgText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : null;
    }

    private static int ArgValue(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private sealed record SyncResult(long Requests, double Seconds, long Written, long Unchanged);

    private sealed record Loaded(int Patients, int Candidates, int Resources, int Bundles);
}
