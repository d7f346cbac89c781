using System.Globalization;

namespace Interop.SyntheticCohort;

/// <summary>The command line: parse, generate, report. Exit 0 done, 1 verification failed, 2 bad usage.</summary>
internal static class Cli
{
    public const string Usage = """
        Usage: Interop.SyntheticCohort --out <folder> [options]
          --seed <int>               jitter seed (default 2023)
          --out <folder>             NDJSON export folder (required)
          --extra-candidates <n>     extra eligible patients e0001... (default 0)
          --non-candidates <n>       noise-only infants n0001... (default 10)
          --noise <k>                irrelevant resources per patient (default 5)
          --expected <file>          also write the expectation manifest (JSON)
          --site-map <file>          also write the sample site ConceptMap (JSON)
          --verify                   write nothing; exit 1 unless the files on disk equal a fresh generation
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        CliOptions options;
        try
        {
            options = Parse(args);
        }
        catch (FormatException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (options.Help)
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }

        if (options.Verify)
        {
            var differences = await SampleVerifier.DifferencesAsync(options.Spec, options.Out, options.Expected, options.SiteMap, ct);
            foreach (var difference in differences)
            {
                await stderr.WriteLineAsync(difference);
            }

            await stdout.WriteLineAsync(differences.Count == 0 ? "Up to date." : $"{differences.Count} file(s) differ from a fresh generation.");
            return differences.Count == 0 ? 0 : 1;
        }

        var summary = await CohortGenerator.WriteExportAsync(options.Spec, options.Out, ct);
        foreach (var (type, count) in summary.CountsByType)
        {
            await stdout.WriteLineAsync($"{type}: {count}");
        }

        await stdout.WriteLineAsync($"Total: {summary.Total} resources in {options.Out}");
        if (options.Expected is not null)
        {
            await ExpectationManifest.WriteAsync(options.Spec, options.Expected, ct);
            await stdout.WriteLineAsync($"Expectations: {options.Expected}");
        }

        if (options.SiteMap is not null)
        {
            await SiteConceptMap.WriteAsync(options.SiteMap, ct);
            await stdout.WriteLineAsync($"Site map: {options.SiteMap}");
        }

        return 0;
    }

    internal static CliOptions Parse(string[] args)
    {
        var spec = new CohortSpec();
        string? output = null, expected = null, siteMap = null;
        bool help = false, verify = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new FormatException($"Option {name} needs a value.");
            int Number(int min) => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n
                : throw new FormatException($"Option {name} needs an integer{(min == int.MinValue ? "" : $" of at least {min}")}.");
            switch (name)
            {
                case "--seed": spec = spec with { Seed = Number(int.MinValue) }; break;
                case "--out": output = Value(); break;
                case "--extra-candidates": spec = spec with { ExtraCandidates = Number(0) }; break;
                case "--non-candidates": spec = spec with { NonCandidatePatients = Number(0) }; break;
                case "--noise": spec = spec with { NoiseResourcesPerPatient = Number(0) }; break;
                case "--expected": expected = Value(); break;
                case "--site-map": siteMap = Value(); break;
                case "--verify": verify = true; break;
                case "--help" or "-h": help = true; break;
                default: throw new FormatException($"Unknown argument '{name}'.");
            }
        }

        var errors = spec.Validate();
        if (errors.Count > 0)
        {
            throw new FormatException(string.Join("; ", errors));
        }

        if (output is null && !help)
        {
            throw new FormatException("Option --out <folder> is required.");
        }

        return new CliOptions(spec, output ?? "", expected, siteMap, verify, help);
    }
}

internal sealed record CliOptions(CohortSpec Spec, string Out, string? Expected, string? SiteMap, bool Verify, bool Help);
