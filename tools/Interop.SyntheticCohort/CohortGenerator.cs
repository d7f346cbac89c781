using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Interop.SyntheticCohort;

/// <summary>
/// Deterministic synthetic BlinFant cohorts: the same <see cref="CohortSpec"/> gives the same
/// resources, in the same order, byte for byte. No clock and no random ids are used; the seed only
/// moves times of day and values within each scenario's class.
/// </summary>
public static class CohortGenerator
{
    /// <summary>The resource types of an export, one NDJSON file each, in file-name order.</summary>
    public static IReadOnlyList<string> ExportTypes { get; } = ["Condition", "MedicationAdministration", "Observation", "Patient"];

    internal static JsonSerializerOptions FhirJson { get; } = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>
    /// All resources of the cohort, patient by patient: named scenarios (p001...), then extra
    /// candidates (e0001...), then non-candidates (n0001...). Lazy: one patient is held at a time.
    /// </summary>
    public static IEnumerable<Resource> Generate(CohortSpec spec)
    {
        ThrowIfInvalid(spec);
        return GenerateIterator(spec);
    }

    private static IEnumerable<Resource> GenerateIterator(CohortSpec spec)
    {
        var named = ScenarioCatalog.Named;
        for (var i = 0; i < named.Count; i++)
        {
            foreach (var resource in PatientBuilder.Build(named[i], PatientRandom(spec.Seed, 1, i), spec.NoiseResourcesPerPatient))
            {
                yield return resource;
            }
        }

        for (var i = 1; i <= spec.ExtraCandidates; i++)
        {
            var random = PatientRandom(spec.Seed, 2, i);
            foreach (var resource in PatientBuilder.Build(ScenarioCatalog.Extra(i, random), random, spec.NoiseResourcesPerPatient))
            {
                yield return resource;
            }
        }

        for (var i = 1; i <= spec.NonCandidatePatients; i++)
        {
            foreach (var resource in PatientBuilder.BuildNonCandidate($"n{i:0000}", PatientRandom(spec.Seed, 3, i), spec.NoiseResourcesPerPatient))
            {
                yield return resource;
            }
        }
    }

    /// <summary>
    /// Writes <c>Condition.ndjson</c>, <c>MedicationAdministration.ndjson</c>, <c>Observation.ndjson</c>
    /// and <c>Patient.ndjson</c> into <paramref name="folder"/> (created if missing; these four files
    /// are replaced): one resource a line, UTF-8 without BOM, '\n' after every line.
    /// </summary>
    public static async Task<ExportSummary> WriteExportAsync(CohortSpec spec, string folder, CancellationToken ct)
    {
        ThrowIfInvalid(spec);
        Directory.CreateDirectory(folder);
        var streams = new Dictionary<string, FileStream>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        try
        {
            foreach (var type in ExportTypes)
            {
                streams[type] = new FileStream(Path.Combine(folder, type + ".ndjson"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                counts[type] = 0;
            }

            var newline = "\n"u8.ToArray();
            foreach (var resource in GenerateIterator(spec))
            {
                ct.ThrowIfCancellationRequested();
                var type = resource.TypeName;
                var stream = streams[type];
                await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(resource, FhirJson), ct);
                await stream.WriteAsync(newline, ct);
                counts[type]++;
            }

            foreach (var stream in streams.Values)
            {
                await stream.FlushAsync(ct);
            }
        }
        finally
        {
            foreach (var stream in streams.Values)
            {
                await stream.DisposeAsync();
            }
        }

        return new ExportSummary(folder, counts);
    }

    /// <summary>The intent of every scenario patient (named and extra candidates; not the non-candidates), in generation order.</summary>
    public static IReadOnlyList<ExpectedPatient> Expectations(CohortSpec spec)
    {
        ThrowIfInvalid(spec);
        var expectations = ScenarioCatalog.Named.Select(s => s.Expectation()).ToList();
        for (var i = 1; i <= spec.ExtraCandidates; i++)
        {
            expectations.Add(ScenarioCatalog.Extra(i, PatientRandom(spec.Seed, 2, i)).Expectation());
        }

        return expectations;
    }

    /// <summary>One generator per patient, so that adding filler never shifts a named patient's values.</summary>
    internal static Random PatientRandom(int seed, int stream, int index)
    {
        unchecked
        {
            // SplitMix64 finaliser over (seed, stream, index): stable across runtimes, unlike HashCode.
            var z = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + ((ulong)stream * 0xBF58476D1CE4E5B9UL) + (ulong)index;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return new Random((int)(z & 0x7FFFFFFF));
        }
    }

    private static void ThrowIfInvalid(CohortSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = spec.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(spec));
        }
    }
}
