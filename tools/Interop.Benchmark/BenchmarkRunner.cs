using System.Diagnostics;
using System.Globalization;
using Interop.SyntheticCohort;

namespace Interop.Benchmark;

/// <summary>
/// File-mode throughput against the raw Firely parse rate of the same export, in the same run, and
/// peak memory with the same trial patients under 1x and 4x as many irrelevant resources.
/// </summary>
internal static class BenchmarkRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var repeat = ArgValue(args, "--repeat", 5);
        var candidates = ArgValue(args, "--candidates", 3000);
        var noise = ArgValue(args, "--noise", 25);
        var siteMap = SiteMap();
        var work = Path.Combine(Path.GetTempPath(), "interop-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var baseline = new CohortSpec(Seed: 7, ExtraCandidates: candidates, NonCandidatePatients: candidates, NoiseResourcesPerPatient: noise);
            var noisy = baseline with { NoiseResourcesPerPatient = noise * 4 };
            var baseFolder = Path.Combine(work, "export-1x");
            var noisyFolder = Path.Combine(work, "export-4x");
            var baseSummary = await CohortGenerator.WriteExportAsync(baseline, baseFolder, CancellationToken.None);
            var noisySummary = await CohortGenerator.WriteExportAsync(noisy, noisyFolder, CancellationToken.None);
            Console.WriteLine($"export 1x: {Describe(baseSummary)}");
            Console.WriteLine($"export 4x: {Describe(noisySummary)} (same patients, 4x the irrelevant resources)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{repeat} rounds, each in fresh processes, on {Environment.ProcessorCount} cores"));

            var parse = new List<Result>();
            var sync = new List<Result>();
            var syncNoisy = new List<Result>();
            var parseOneCore = new List<Result>();
            var syncOneCore = new List<Result>();

            // A second run over the same export with the first run's store (issue 11): nothing new to validate.
            var syncSecond = new List<Result>();
            var syncOneCoreSecond = new List<Result>();
            var pin = File.Exists(TasksetPath);
            for (var round = 0; round < repeat; round++)
            {
                var store = Path.Combine(work, $"state-{round}.db");
                var storeOneCore = Path.Combine(work, $"state-{round}-1core.db");
                parse.Add(await RunChildAsync(false, null, Measurement.RawParse, baseFolder));
                sync.Add(await RunChildAsync(false, store, Measurement.EndToEnd, baseFolder, "--site-map", siteMap));
                syncSecond.Add(await RunChildAsync(false, store, Measurement.EndToEnd, baseFolder, "--site-map", siteMap));
                syncNoisy.Add(await RunChildAsync(false, Path.Combine(work, $"state-{round}-4x.db"), Measurement.EndToEnd, noisyFolder, "--site-map", siteMap));
                if (pin)
                {
                    parseOneCore.Add(await RunChildAsync(true, null, Measurement.RawParse, baseFolder));
                    syncOneCore.Add(await RunChildAsync(true, storeOneCore, Measurement.EndToEnd, baseFolder, "--site-map", siteMap));
                    syncOneCoreSecond.Add(await RunChildAsync(true, storeOneCore, Measurement.EndToEnd, baseFolder, "--site-map", siteMap));
                }
            }

            Report("raw Firely parse (1x)", parse);
            Report("interop sync --once (1x)", sync);
            Report("second run, same store (1x)", syncSecond);
            Report("interop sync --once (4x)", syncNoisy);
            if (pin)
            {
                // The sync parses on every core; pinned to one core both do the same work on the same hardware.
                Report("raw parse, 1 core (1x)", parseOneCore);
                Report("sync, 1 core (1x)", syncOneCore);
                Report("second run, 1 core (1x)", syncOneCoreSecond);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"end-to-end / raw parse rate, both on 1 core: first run {Median(syncOneCore, r => r.Rate) / Median(parseOneCore, r => r.Rate):P0}, second run {Median(syncOneCoreSecond, r => r.Rate) / Median(parseOneCore, r => r.Rate):P0} (target >= 60%)"));
            }

            var ratio = Median(sync, r => r.Rate) / Median(parse, r => r.Rate);
            var ratioSecond = Median(syncSecond, r => r.Rate) / Median(parse, r => r.Rate);
            var memoryGrowth = Median(syncNoisy, r => r.PeakMegabytes) / Median(sync, r => r.PeakMegabytes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"end-to-end (all cores) / raw parse rate (one thread): first run {ratio:P0}, second run {ratioSecond:P0} (target >= 60%)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory 4x noise / 1x noise: {memoryGrowth:F2}x (target: flat, ~1.0x)"));

            // In this (parent) process, after the child runs, so it does not skew their memory figures.
            await ValidationCost.MeasureAsync(baseFolder, siteMap);
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

    private static string Describe(ExportSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"{summary.Total:N0} resources (")
        + string.Join(", ", summary.CountsByType.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:N0}"))) + ")";

    private static void Report(string label, List<Result> results) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-26} median {Median(results, r => r.Rate),10:N0} resources/s  ({Median(results, r => r.Seconds):F2} s for {results[0].Resources:N0})  peak memory median {Median(results, r => r.PeakMegabytes):N0} MB  [rates: {string.Join(", ", results.Select(r => r.Rate.ToString("N0", CultureInfo.InvariantCulture)))}]"));

    private static double Median(List<Result> results, Func<Result, double> pick)
    {
        var sorted = results.Select(pick).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private const string TasksetPath = "/usr/bin/taskset";

    // store: the SQLite file the sync keeps its state in (a second run with the same file sees the first's); null: the default.
    private static async Task<Result> RunChildAsync(bool oneCore, string? store, string mode, string folder, params string[] rest)
    {
        var start = new ProcessStartInfo(oneCore ? TasksetPath : Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (store is not null)
        {
            start.Environment["Store__ConnectionString"] = $"Data Source={store}";
        }

        var prefix = oneCore ? new[] { "-c", "0", Environment.ProcessPath! } : [];
        foreach (var arg in prefix.Concat(["--measure", mode, folder]).Concat(rest))
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{mode} run printed no result (exit {child.ExitCode})");
        var parts = line.Split(' ');
        return new Result(
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static int ArgValue(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary>The bundled sample's site ConceptMap (the generated cohorts use its local codes).</summary>
    public static string SiteMap() => Path.Combine(FindRepositoryRoot(), "samples", "site-conceptmap.json");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Interop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the repository");
    }

    private sealed record Result(long Resources, double Seconds, long PeakBytes)
    {
        public double Rate => Resources / Seconds;

        public double PeakMegabytes => PeakBytes / (1024.0 * 1024.0);
    }
}
