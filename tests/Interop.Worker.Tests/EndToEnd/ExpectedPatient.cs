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
    public static IReadOnlyList<ExpectedPatient> Load(string path) =>
        JsonSerializer.Deserialize<List<ExpectedPatient>>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public override string ToString() => $"{PatientId} ({Scenario})";
}
