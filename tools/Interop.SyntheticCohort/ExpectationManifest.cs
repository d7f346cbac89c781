using System.Text;
using System.Text.Json;

namespace Interop.SyntheticCohort;

/// <summary>The expectation manifest: <see cref="CohortGenerator.Expectations"/> as camelCase JSON.</summary>
internal static class ExpectationManifest
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
    };

    public static string ToJson(CohortSpec spec)
    {
        var manifest = new Manifest(
            spec.Seed,
            spec.ExtraCandidates,
            spec.NonCandidatePatients,
            spec.NoiseResourcesPerPatient,
            "2025-06-01",
            CohortGenerator.Expectations(spec));
        return JsonSerializer.Serialize(manifest, Options) + "\n";
    }

    public static Task WriteAsync(CohortSpec spec, string path, CancellationToken ct) =>
        File.WriteAllTextAsync(path, ToJson(spec), new UTF8Encoding(false), ct);

    // ValidFromAsOf: the expectations hold for any as-of on or after this date.
    private sealed record Manifest(int Seed, int ExtraCandidates, int NonCandidatePatients, int NoiseResourcesPerPatient, string ValidFromAsOf, IReadOnlyList<ExpectedPatient> Patients);
}
