using System.Text.Json;
using Interop.SyntheticCohort;

namespace Interop.Testing;

/// <summary>The scenario intent the cohort generator wrote beside the bundled sample, read back from its JSON.</summary>
public static class SampleExpectations
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Every scenario patient of <see cref="RepositoryPaths.SampleExpectations"/>.</summary>
    public static IReadOnlyList<ExpectedPatient> Load() =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(RepositoryPaths.SampleExpectations), Web)!.Patients;

    private sealed record Manifest(List<ExpectedPatient> Patients);
}
