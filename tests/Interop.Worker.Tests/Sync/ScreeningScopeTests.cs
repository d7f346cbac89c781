using System.Text.Json;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;
using Interop.Worker.Tests.EndToEnd;

namespace Interop.Worker.Tests.Sync;

/// <summary>
/// Who is screened (issue 9, item 7) and which quarantined records make the exit code 3 (item 6): trial-specific results
/// screen a patient without a coded ALL diagnosis; a blood count nobody is screened for is reported, not a failure.
/// </summary>
public sealed class ScreeningScopeTests
{
    private const string NonUcumUnit = "K/uL";

    [Fact]
    public async Task Sync_UnreadableUnitOfUnscreenedPatient_ReportedButExitCodeStaysZero()
    {
        using var work = new TempFolder();
        var export = CopySample(work);
        await AppendAsync(export, "Observation.ndjson", Wbc("adult-wbc", "adult-1"));

        var result = await CliRunner.RunAsync(SyncArgs(export, work.Combine("out")));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var report = await ReadReportAsync(work.Combine("out"));
        var entry = Assert.Single(report.RootElement.GetProperty("quarantined").EnumerateArray());
        Assert.Equal(("adult-wbc", "adult-1", true), (entry.GetProperty("resourceId").GetString(), entry.GetProperty("patientId").GetString(), entry.GetProperty("outsideScreening").GetBoolean()));
        Assert.Contains("1 of patients not screened", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(NonUcumUnit, result.Output + report.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnreadableUnitOfScreenedPatient_WithheldAndExitCode3()
    {
        using var work = new TempFolder();
        var export = CopySample(work);
        await AppendAsync(export, "Observation.ndjson", Wbc("p001-wbc-odd", "p001"));

        var result = await CliRunner.RunAsync(SyncArgs(export, work.Combine("out")));

        Assert.Equal(ExitCodes.Quarantined, result.ExitCode);
        using var report = await ReadReportAsync(work.Combine("out"));
        var entry = Assert.Single(report.RootElement.GetProperty("quarantined").EnumerateArray());
        Assert.False(entry.GetProperty("outsideScreening").GetBoolean());
        Assert.Equal(1, report.RootElement.GetProperty("patientsWithheld").GetInt32());
    }

    [Fact]
    public async Task Sync_TrialResultsWithoutAllDiagnosis_ScreenedAndDiagnosisUnknown()
    {
        using var work = new TempFolder();
        var export = CopySample(work);
        await AppendAsync(export, "Patient.ndjson", """{"resourceType":"Patient","id":"no-dx","birthDate":"2025-11-02"}""");
        await AppendAsync(export, "Observation.ndjson",
            """{"resourceType":"Observation","id":"no-dx-kmt2a","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"78219-3"}]},"subject":{"reference":"Patient/no-dx"},"effectiveDateTime":"2026-01-20","valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA9633-4"}]}}""",
            """{"resourceType":"Observation","id":"no-dx-bm","status":"final","code":{"coding":[{"system":"http://hospital.example.org/CodeSystem/lab-local","code":"BMBLAST"}]},"subject":{"reference":"Patient/no-dx"},"effectiveDateTime":"2026-01-19T10:00:00+01:00","valueQuantity":{"value":91,"unit":"%","system":"http://unitsofmeasure.org","code":"%"}}""");

        var result = await CliRunner.RunAsync(SyncArgs(export, work.Combine("out")));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var eligibility = new WrittenOutcomes(work.Combine("out")).Find("no-dx", "eligibility");
        Assert.NotNull(eligibility);
        Assert.Equal("undetermined", WrittenOutcomes.CodedValue(eligibility));
        var diagnosis = Assert.Single(eligibility.Component, c => c.Code.Coding[0].Code == "newly-diagnosed-bcp-all");
        Assert.Equal("unknown", Assert.IsType<Hl7.Fhir.Model.CodeableConcept>(diagnosis.Value).Coding[0].Code);

        // The diagnosis date comes from the earliest diagnostic marrow (docs/trial-rules.md), so age at diagnosis is decided: 78 days.
        var age = Assert.Single(eligibility.Component, c => c.Code.Coding[0].Code == "age-at-diagnosis");
        Assert.Equal("met", Assert.IsType<Hl7.Fhir.Model.CodeableConcept>(age.Value).Coding[0].Code);
    }

    private static string[] SyncArgs(string source, string output) =>
        ["sync", "--once", "--source", source, "--out", output, "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", "2026-06-01"];

    private static string Wbc(string id, string patientId) =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"6690-2"}]},"subject":{"reference":"Patient/{{{patientId}}}"},"effectiveDateTime":"2026-03-02","valueQuantity":{"value":7.1,"unit":"{{{NonUcumUnit}}}","system":"http://unitsofmeasure.org","code":"{{{NonUcumUnit}}}"}}""";

    private static string CopySample(TempFolder work)
    {
        var export = work.Combine("export");
        Directory.CreateDirectory(export);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson"))
        {
            File.Copy(file, Path.Combine(export, Path.GetFileName(file)));
        }

        return export;
    }

    private static Task AppendAsync(string export, string file, params string[] lines) =>
        File.AppendAllLinesAsync(Path.Combine(export, file), lines);

    private static async Task<JsonDocument> ReadReportAsync(string output) =>
        JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, FileSyncRunner.ReportFileName)));
}
