using System.Text.Json;
using System.Text.Json.Nodes;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;
using Interop.Worker.Tests.EndToEnd;

namespace Interop.Worker.Tests.Sync;

/// <summary>
/// A sample patient (p001) re-expressed the way real systems record it (issue 9, items 1, 2 and 6): KMT2A as a
/// Genomics Reporting translocation, a white-cell count and blasts in non-UCUM units, CD19 as an interpretation only, MRD
/// as text, an MRD report with its result only in text. With the site's readings on, the outcomes are those of the
/// canonical record, byte for byte; with them off, the patient is withheld with reasons that name them.
/// </summary>
public sealed class ReExpressedRecordTests
{
    private const string Patient = "p001";
    private const string AsOf = "2026-06-01";


    [Fact]
    public async Task Sync_ReExpressedPatientWithSiteReadings_SameOutcomesAsCanonical()
    {
        using var work = new TempFolder();
        var canonical = await ExportAsync(work, "canonical", reExpressed: false);
        var reExpressed = await ExportAsync(work, "re-expressed", reExpressed: true);

        var first = await CliRunner.RunAsync(SyncArgs(canonical, work.Combine("out-canonical")), SiteReadings.All());
        var second = await CliRunner.RunAsync(SyncArgs(reExpressed, work.Combine("out-re-expressed")), SiteReadings.All());

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        Assert.NotNull(new WrittenOutcomes(work.Combine("out-canonical")).Find(Patient, "mrd-after-blinatumomab"));
        foreach (var file in new[] { "Observation.ndjson", "Provenance.ndjson" })
        {
            Assert.Equal(
                await File.ReadAllTextAsync(Path.Combine(work.Combine("out-canonical"), file)),
                await File.ReadAllTextAsync(Path.Combine(work.Combine("out-re-expressed"), file)));
        }

        using var report = await ReadReportAsync(work.Combine("out-re-expressed"));
        Assert.Empty(report.RootElement.GetProperty("quarantined").EnumerateArray());
        var warnings = report.RootElement.GetProperty("warnings").EnumerateArray()
            .Select(w => (w.GetProperty("resourceId").GetString(), w.GetProperty("patientId").GetString(), w.GetProperty("rule").GetString()))
            .ToList();
        Assert.Equal(
            [("p001-dr-mrd-3", Patient, "report-result-in-text-only"), ("p001-obs-cd19-1", Patient, "interpretation-only-answer")],
            warnings.Order());
    }

    [Fact]
    public async Task Sync_ReExpressedPatientWithReadingsOff_WithheldWithReasonsNamingThePatient()
    {
        using var work = new TempFolder();
        var reExpressed = await ExportAsync(work, "re-expressed", reExpressed: true);

        var result = await CliRunner.RunAsync(SyncArgs(reExpressed, work.Combine("out")));

        Assert.Equal(ExitCodes.Quarantined, result.ExitCode);
        using var report = await ReadReportAsync(work.Combine("out"));
        var quarantined = report.RootElement.GetProperty("quarantined").EnumerateArray().ToList();
        Assert.Equal(
            ["p001-obs-mrd-1", "p001-obs-mrd-2", "p001-obs-mrd-3", "p001-obs-pbb-1", "p001-obs-wbc-1"],
            quarantined.Select(q => q.GetProperty("resourceId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(quarantined, q => Assert.Equal(Patient, q.GetProperty("patientId").GetString()));
        Assert.Equal(1, report.RootElement.GetProperty("patientsWithheld").GetInt32());
        Assert.Null(new WrittenOutcomes(work.Combine("out")).Find(Patient, "eligibility"));

        // Reasons name the element and the setting to turn on; never the sender's text or unit.
        var reasons = string.Join('\n', quarantined.Select(q => q.GetProperty("reason").GetString()));
        Assert.Contains("Reading:MrdTextValues", reasons, StringComparison.Ordinal);
        Assert.Contains("Reading:UnitMaps", reasons, StringComparison.Ordinal);
        foreach (var text in new[] { "1.38E-02", "4.4x10-5", "Not detected", "x10E9/L", "cells/uL" })
        {
            Assert.DoesNotContain(text, reasons + result.Output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Sync_Kmt2aPointMutationInsteadOfFish_CriterionUnknownNotMetNorMet()
    {
        using var work = new TempFolder();
        var export = await ExportAsync(work, "snv", reExpressed: false);
        await ReplaceAsync(export, "Observation.ndjson", FhirJson("Mapping/observation-kmt2a-variant-snv.json", id: "p001-obs-kmt2a-1"));

        var result = await CliRunner.RunAsync(SyncArgs(export, work.Combine("out")));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var eligibility = new WrittenOutcomes(work.Combine("out")).Find(Patient, "eligibility");
        Assert.Equal("undetermined", WrittenOutcomes.CodedValue(eligibility));
        var kmt2a = Assert.Single(eligibility!.Component, c => c.Code.Coding[0].Code == "kmt2a-rearranged");
        Assert.Equal("unknown", Assert.IsType<Hl7.Fhir.Model.CodeableConcept>(kmt2a.Value).Coding[0].Code);
    }

    private static string[] SyncArgs(string source, string output) =>
        ["sync", "--once", "--source", source, "--out", output, "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", AsOf];

    // The patient's own lines of the bundled sample; re-expressed: their Observations replaced by the re-expressed sample's.
    private static async Task<string> ExportAsync(TempFolder work, string name, bool reExpressed)
    {
        var export = work.Combine(name);
        Directory.CreateDirectory(export);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson"))
        {
            var lines = (await File.ReadAllLinesAsync(file)).Where(l => SubjectOf(l) == Patient || IdOf(l) == Patient);
            await File.WriteAllLinesAsync(Path.Combine(export, Path.GetFileName(file)), lines);
        }

        if (reExpressed)
        {
            await ReplaceAsync(export, "Observation.ndjson", [.. await File.ReadAllLinesAsync(FhirSamples.PathOf("ReExpressed/p001-Observation.ndjson"))]);
            File.Copy(FhirSamples.PathOf("ReExpressed/p001-DiagnosticReport.ndjson"), Path.Combine(export, "DiagnosticReport.ndjson"));
        }

        return export;
    }

    // Replaces the lines whose id matches a replacement's id.
    private static async Task ReplaceAsync(string export, string file, params string[] replacements)
    {
        var byId = replacements.ToDictionary(r => IdOf(r)!, StringComparer.Ordinal);
        var path = Path.Combine(export, file);
        var lines = (await File.ReadAllLinesAsync(path)).Select(l => byId.GetValueOrDefault(IdOf(l) ?? string.Empty, l)).ToList();
        Assert.Equal(replacements.Length, lines.Count(l => byId.ContainsKey(IdOf(l)!)));
        await File.WriteAllLinesAsync(path, lines);
    }

    // A sample resource as one NDJSON line, given the patient and the id of the line it replaces.
    private static string FhirJson(string sample, string id)
    {
        var node = JsonNode.Parse(File.ReadAllText(FhirSamples.PathOf(sample)))!;
        node["id"] = id;
        node["subject"] = new JsonObject { ["reference"] = "Patient/" + Patient };
        return node.ToJsonString();
    }

    private static string? IdOf(string line) => JsonNode.Parse(line)?["id"]?.GetValue<string>();

    private static string? SubjectOf(string line) =>
        JsonNode.Parse(line)?["subject"]?["reference"]?.GetValue<string>() is { } reference ? reference["Patient/".Length..] : null;

    private static async Task<JsonDocument> ReadReportAsync(string output) =>
        JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, FileSyncRunner.ReportFileName)));
}
