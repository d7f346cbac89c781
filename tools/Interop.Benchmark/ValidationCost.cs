using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using Interop.Fhir.Validation;
using Interop.SyntheticCohort;
using Interop.Worker.Cli;

namespace Interop.Benchmark;

/// <summary>
/// Profile validation cost per resource after warm-up: sync a generated cohort (which validates everything it
/// writes), then validate every written Observation, Provenance and ResearchSubject again with the warm validator,
/// timing each call. Reports the median (the figure in the README), p90 and mean, and the median per profile.
/// </summary>
internal static class ValidationCost
{
    public const string Mode = "--validation";

    private static readonly string[] OutputFiles = ["Observation.ndjson", "Provenance.ndjson", "ResearchSubject.ndjson"];

    /// <summary>Standalone: <c>--validation [--candidates N]</c> generates an N-candidate cohort (default 2,000) and measures.</summary>
    public static async Task<int> RunAsync(string[] args, string siteMap)
    {
        var index = Array.IndexOf(args, "--candidates");
        var candidates = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 2000;
        var work = Path.Combine(Path.GetTempPath(), "interop-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var export = Path.Combine(work, "export");
            await CohortGenerator.WriteExportAsync(new CohortSpec(Seed: 7, ExtraCandidates: candidates, NonCandidatePatients: 0, NoiseResourcesPerPatient: 0), export, CancellationToken.None);
            await MeasureAsync(export, siteMap);
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

    /// <summary>Syncs <paramref name="export"/> and prints the validation cost of everything it wrote.</summary>
    public static async System.Threading.Tasks.Task MeasureAsync(string export, string siteMap)
    {
        var output = Path.Combine(Path.GetTempPath(), "interop-bench-out", Guid.NewGuid().ToString("N"));
        try
        {
            using var quiet = new StringWriter();
            var code = await InteropCli.RunAsync(
                ["sync", "--once", "--source", export, "--out", output, "--as-of", "2026-06-01", "--site-map", siteMap],
                quiet, Console.Error, customize: null, CancellationToken.None);
            if (code != 0)
            {
                throw new InvalidOperationException($"sync exited {code}: {quiet}");
            }

            var resources = OutputFiles
                .SelectMany(f => File.ReadLines(Path.Combine(output, f)))
                .Select(line => JsonSerializer.Deserialize<Resource>(line, FhirJson.Options)!)
                .ToList();

            // The sync above ran in this process, so the pool's validator is already warm; one more untimed pass
            // lets the JIT settle on the hot paths before the timed one.
            using var lease = OutcomeValidatorPool.Shared.Rent();
            var validator = lease.Validator;
            var invalid = resources.Count(r => !validator.Validate(r).IsValid);
            var timings = new List<(string Profile, double Milliseconds)>(resources.Count);
            foreach (var resource in resources)
            {
                var start = Stopwatch.GetTimestamp();
                var result = validator.Validate(resource);
                timings.Add((result.ProfileName, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            }

            var all = timings.Select(t => t.Milliseconds).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validation per resource     median {Percentile(all, 0.5):F3} ms, p90 {Percentile(all, 0.9):F3} ms, mean {all.Average():F3} ms over {all.Count:N0} resources ({invalid} invalid; target median < 1 ms)"));
            foreach (var group in timings.GroupBy(t => t.Profile).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var times = group.Select(t => t.Milliseconds).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {group.Key,-32} median {Percentile(times, 0.5):F3} ms  (n = {times.Count:N0})"));
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(fraction * sorted.Length))];
    }
}
