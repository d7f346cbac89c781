using System.Text.Json;

namespace Interop.Worker.Tests.EndToEnd;

/// <summary>One scenario's intent, as the cohort generator wrote it beside the bundled sample.</summary>
internal sealed record ExpectedPatient(
    string PatientId,
    string Scenario,
    string Verdict,
    IReadOnlyList<string> NotMet,
    string? RiskGroup,
    string CourseState,
    string? MrdClass,
    bool? PrimaryEndpoint,
    string? DfsStatus,
    string? RelapseSite,
    string? OsStatus)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ExpectedPatient> Load(string path) =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Web)!.Patients;

    private sealed record Manifest(List<ExpectedPatient> Patients);

    public override string ToString() => $"{PatientId} ({Scenario})";
}
