using System.Text.Json;
using System.Text.Json.Nodes;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;
using Interop.Worker.Tests.Sync;
using static Interop.Testing.BulkExportFiles;

namespace Interop.Worker.Tests.EndToEnd;

/// <summary>
/// Issue 9, item 9: one export folder that mixes every kind of real-world shape at once - the bundled sample with p001's
/// labs re-expressed (a Genomics Reporting translocation for KMT2A, non-UCUM units, CD19 as an interpretation only, MRD as
/// text, an MRD report with its result in text only), p002's blinatumomab given through a formulary product coded by its
/// ingredient, p003 as a Bundle on one line, the Observations compressed, an export log and a manifest beside them, and a
/// stray byte-order mark mid-file. With the site's readings on, every patient's outcomes are the canonical record's, and
/// what was read under a fallback rule is listed as warnings naming its patient.
/// </summary>
public sealed class RealWorldFolderTests
{
    private const string AsOf = "2026-06-01";


    [Fact]
    public async Task Sync_FolderMixingRealWorldShapes_SameOutcomesAsCanonicalAndEveryFallbackWarned()
    {
        using var work = new TempFolder();
        using var mixed = new TempFolder();
        BuildMixedFolder(mixed);

        var canonical = await RunAsync(RepositoryPaths.SampleExport, work.Combine("out-canonical"));
        var result = await RunAsync(mixed.Path, work.Combine("out-mixed"));

        Assert.True(result.Result.ExitCode == ExitCodes.Success, result.Result.Output);
        using var report = result.Report;
        var root = report.RootElement;
        Assert.Empty(root.GetProperty("quarantined").EnumerateArray());
        Assert.Equal(canonical.Outcomes.Keys.Order(), result.Outcomes.Keys.Order());
        foreach (var (patient, lines) in canonical.Outcomes)
        {
            Assert.True(lines == result.Outcomes[patient], $"outcomes of {patient} differ from the canonical record's");
        }

        var warnings = root.GetProperty("warnings").EnumerateArray()
            .Select(w => (Patient: w.GetProperty("patientId").GetString(), Rule: w.GetProperty("rule").GetString()))
            .ToList();
        Assert.Equal([("p001", "interpretation-only-answer"), ("p001", "report-result-in-text-only")], warnings.Order());
        var skipped = root.GetProperty("skipped").EnumerateArray().Select(n => n.GetProperty("file").GetString()).ToList();
        Assert.Contains("log.ndjson", skipped);
        Assert.Contains("*.json", skipped);
        canonical.Report.Dispose();
    }

    private static void BuildMixedFolder(TempFolder mixed)
    {
        string[] Lines(string file) => File.ReadAllLines(Path.Combine(RepositoryPaths.SampleExport, file)).Where(l => l.Length > 0).ToArray();
        var bundled = new List<string>();
        IEnumerable<string> NotBundled(IEnumerable<string> lines) => lines.Where(l =>
        {
            var mine = SubjectOf(l) == "p003" || (IdOf(l) == "p003" && TypeOf(l) == "Patient");
            if (mine)
            {
                bundled.Add(l);
            }

            return !mine;
        });

        File.WriteAllLines(mixed.Combine("Patient.ndjson"), NotBundled(Lines("Patient.ndjson")));
        File.WriteAllLines(mixed.Combine("Condition.ndjson"), NotBundled(Lines("Condition.ndjson")));

        // Labs: compressed, p001's re-expressed ones moved to a second file, plus their text-only MRD report.
        var reExpressed = File.ReadAllLines(FhirSamples.PathOf("ReExpressed/p001-Observation.ndjson")).Select(IdOf).ToHashSet(StringComparer.Ordinal);
        var observations = NotBundled(Lines("Observation.ndjson")).Where(l => !reExpressed.Contains(IdOf(l)));
        mixed.WriteGzip("Observation.ndjson.gz", observations);
        File.Copy(FhirSamples.PathOf("ReExpressed/p001-Observation.ndjson"), mixed.Combine("Observation.lab2.ndjson"));
        File.Copy(FhirSamples.PathOf("ReExpressed/p001-DiagnosticReport.ndjson"), mixed.Combine("DiagnosticReport.ndjson"));

        // p002's blinatumomab through the pharmacy's formulary product (coded by its RxNorm ingredient); a BOM mid-file.
        var administrations = NotBundled(Lines("MedicationAdministration.ndjson")).Select(l => SubjectOf(l) == "p002" && IdOf(l)!.Contains("-blina-", StringComparison.Ordinal) ? ByFormulary(l) : l).ToList();
        var middle = administrations.Count / 2;
        mixed.WriteBytes("MedicationAdministration.ndjson", [.. administrations.Select((l, i) => i == middle ? WithByteOrderMark(l) : Utf8(l))]);
        var formulary = JsonNode.Parse(File.ReadAllText(FhirSamples.PathOf("Mapping/medication-blinatumomab-formulary-ingredient.json")))!.ToJsonString();
        File.WriteAllLines(mixed.Combine("Medication.ndjson"), [formulary]);

        // p003 as one Bundle line; the export's own log and manifest beside the data.
        File.WriteAllLines(mixed.Combine("Bundle.ndjson"), [CollectionBundle(bundled)]);
        mixed.CopySample("export-log.ndjson", "log.ndjson");
        mixed.CopySample("manifest.json");
    }

    private static string ByFormulary(string line)
    {
        var node = JsonNode.Parse(line)!.AsObject();
        Assert.True(node.Remove("medicationCodeableConcept"), "a blinatumomab administration of the sample is coded in place");
        node["medicationReference"] = new JsonObject { ["reference"] = "Medication/med-blina-formulary" };
        return node.ToJsonString();
    }

    private static string CollectionBundle(IEnumerable<string> lines)
    {
        var entries = new JsonArray();
        foreach (var line in lines)
        {
            var resource = JsonNode.Parse(line)!.AsObject();
            entries.Add(new JsonObject { ["fullUrl"] = $"{resource["resourceType"]}/{resource["id"]}", ["resource"] = resource });
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries }.ToJsonString();
    }

    private static string? IdOf(string line) => JsonNode.Parse(line)?["id"]?.GetValue<string>();

    private static string? TypeOf(string line) => JsonNode.Parse(line)?["resourceType"]?.GetValue<string>();

    private static string? SubjectOf(string line) =>
        JsonNode.Parse(line)?["subject"]?["reference"]?.GetValue<string>() is { } reference ? reference["Patient/".Length..] : null;

    private static async Task<Run> RunAsync(string source, string output)
    {
        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", source, "--out", output, "--as-of", AsOf, "--site-map", RepositoryPaths.SampleSiteMap], SiteReadings.All());
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, FileSyncRunner.ReportFileName)));
        var outcomes = File.ReadLines(Path.Combine(output, "Observation.ndjson"))
            .GroupBy(l => JsonNode.Parse(l)!["subject"]!["reference"]!.GetValue<string>()["Patient/".Length..])
            .ToDictionary(g => g.Key, g => string.Join('\n', g), StringComparer.Ordinal);
        return new Run(result, report, outcomes);
    }

    private sealed record Run(CliResult Result, JsonDocument Report, IReadOnlyDictionary<string, string> Outcomes);
}
