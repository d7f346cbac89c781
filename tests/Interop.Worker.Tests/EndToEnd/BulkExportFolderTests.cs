using System.Text.Json;
using System.Text.Json.Nodes;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;
using static Interop.Testing.BulkExportFiles;

namespace Interop.Worker.Tests.EndToEnd;

/// <summary>
/// The CLI over the bundled sample re-packed the way real exports arrive (issue 9, items 5 and 9): an export log, a
/// manifest, an error report, a compressed file, a Bundle line, the same record in two files, a stray byte-order mark;
/// and, in the second folder, also a conflicting duplicate, a dangling link and an invalid UTF-8 line. Nothing is lost:
/// every patient's outcomes equal the clean sample's, except the two whose records could not be read.
/// </summary>
public sealed class BulkExportFolderTests(BulkExportFolderTests.Runs runs) : IClassFixture<BulkExportFolderTests.Runs>
{
    private const string AsOf = "2026-06-01";
    private const string BundledPatient = "p002";
    private const string DuplicatedPatient = "p003";
    private const string ConflictPatient = "p004";
    private const string InvalidUtf8Patient = "p005";
    private const string ByteOrderMarkPatient = "p006";

    [Fact]
    public void Sync_ExportAsItArrives_ExitZeroAndEveryOutcomeAsTheCleanSample()
    {
        Assert.Equal(ExitCodes.Success, runs.Arrived.Result.ExitCode);
        Assert.Equal(runs.Clean.Outcomes, runs.Arrived.Outcomes);
        Assert.Contains(BundledPatient, runs.Arrived.Outcomes.Keys);
        Assert.Contains(ByteOrderMarkPatient, runs.Arrived.Outcomes.Keys);
    }

    [Fact]
    public void Sync_ExportAsItArrives_CountsNotesAndTheDuplicateWarning()
    {
        var report = runs.Arrived.Report.RootElement;
        var clean = runs.Clean.Report.RootElement;

        // One resource more than the clean sample: the duplicate (read once); the Bundle's entries count one by one.
        Assert.Equal(clean.GetProperty("resourcesRead").GetInt32() + 1, report.GetProperty("resourcesRead").GetInt32());
        Assert.Equal(clean.GetProperty("irrelevantResources").GetInt32(), report.GetProperty("irrelevantResources").GetInt32());
        Assert.Empty(report.GetProperty("quarantined").EnumerateArray());
        Assert.Equal(
            [("*.json", "not-read", 1), ("OperationOutcome.ndjson", "operation-outcomes", 2), ("log.ndjson", "not-resources", 4)],
            report.GetProperty("skipped").EnumerateArray().Select(n => (n.GetProperty("file").GetString(), n.GetProperty("kind").GetString(), n.GetProperty("count").GetInt32())));
        var duplicate = Assert.Single(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("rule").GetString() == "duplicate-identical");
        Assert.Equal(("Condition.part2.ndjson:1", DuplicatedPatient), (duplicate.GetProperty("location").GetString(), duplicate.GetProperty("patientId").GetString()));
        Assert.Contains("skipped input", runs.Arrived.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sync_ExportWithUnreadableRecords_ExitThreeAndOnlyTheirPatientsWithheld()
    {
        Assert.Equal(ExitCodes.Quarantined, runs.Damaged.Result.ExitCode);
        var report = runs.Damaged.Report.RootElement;
        Assert.Equal(2, report.GetProperty("patientsWithheld").GetInt32());
        var expected = runs.Clean.Outcomes.Where(kv => kv.Key is not ConflictPatient and not InvalidUtf8Patient).ToDictionary();
        Assert.Equal(expected, runs.Damaged.Outcomes);
    }

    [Fact]
    public void Sync_ExportWithUnreadableRecords_EachReportedWithItsLocationAndPatient()
    {
        var quarantined = runs.Damaged.Report.RootElement.GetProperty("quarantined").EnumerateArray()
            .Select(q => (Location: q.GetProperty("location").GetString(), Patient: q.GetProperty("patientId").GetString(), Reason: q.GetProperty("reason").GetString()!))
            .ToList();

        Assert.Equal(
            [
                ("Encounter.links.ndjson", null),
                ("Observation.extra.ndjson:1", ConflictPatient),
                ($"Observation.ndjson.gz:{runs.ConflictLine}", ConflictPatient),
                ($"Observation.ndjson.gz:{runs.InvalidUtf8Line}", InvalidUtf8Patient),
            ],
            quarantined.Select(q => (q.Location, q.Patient)).Order());
        Assert.Contains(quarantined, q => q.Reason.Contains("symbolic link", StringComparison.Ordinal));
        var link = runs.Damaged.Report.RootElement.GetProperty("quarantined").EnumerateArray().Single(q => q.GetProperty("location").GetString() == "Encounter.links.ndjson");
        Assert.True(link.GetProperty("outsideScreening").GetBoolean());
        Assert.Contains(quarantined, q => q.Reason.StartsWith("not valid UTF-8", StringComparison.Ordinal));
        Assert.Equal(2, quarantined.Count(q => q.Reason.Contains("meta.lastUpdated", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sync_UnreadableFileThatCanHoldAnyonesRecords_EveryPatientWithheldExitThree()
    {
        using var work = new TempFolder();
        var export = work.Combine("export");
        Directory.CreateDirectory(export);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson"))
        {
            File.Copy(file, Path.Combine(export, Path.GetFileName(file)));
        }

        // A second administrations file that cannot be read: any patient's course could be missing bags.
        File.CreateSymbolicLink(Path.Combine(export, "MedicationAdministration.002.ndjson"), Path.Combine(export, "gone", "MedicationAdministration.ndjson"));

        var run = await Run.OfAsync(export, work.Combine("out"));

        Assert.Equal(ExitCodes.Quarantined, run.Result.ExitCode);
        var report = run.Report.RootElement;
        Assert.Equal(report.GetProperty("patientsScreened").GetInt32(), report.GetProperty("patientsWithheld").GetInt32());
        Assert.Empty(run.Outcomes);
        Assert.True(report.GetProperty("quarantined")[0].GetProperty("affectsEveryPatient").GetBoolean());
        Assert.Contains("every screened patient withheld", run.Result.Output, StringComparison.Ordinal);
        run.Report.Dispose();
    }

    /// <summary>The clean sample, the sample as it arrives, and the same with unreadable records; each run once.</summary>
    public sealed class Runs : IAsyncLifetime, IDisposable
    {
        private readonly TempFolder _work = new();
        private readonly TempFolder _arrived = new();
        private readonly TempFolder _damaged = new();

        public Run Clean { get; private set; } = null!;

        public Run Arrived { get; private set; } = null!;

        public Run Damaged { get; private set; } = null!;

        /// <summary>The line of the compressed Observation file that holds the record copied with other content.</summary>
        public int ConflictLine { get; private set; }

        /// <summary>The line of the compressed Observation file that is not valid UTF-8.</summary>
        public int InvalidUtf8Line { get; private set; }

        public async Task InitializeAsync()
        {
            Clean = await Run.OfAsync(RepositoryPaths.SampleExport, _work.Combine("out-clean"));
            Arrived = await Run.OfAsync(Arrive(_arrived, damaged: false), _work.Combine("out-arrived"));
            Damaged = await Run.OfAsync(Arrive(_damaged, damaged: true), _work.Combine("out-damaged"));
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            Clean?.Report.Dispose();
            Arrived?.Report.Dispose();
            Damaged?.Report.Dispose();
            _work.Dispose();
            _arrived.Dispose();
            _damaged.Dispose();
        }

        /// <summary>The bundled sample as a real export folder holds it; <paramref name="damaged"/> adds records that cannot be read.</summary>
        private string Arrive(TempFolder export, bool damaged)
        {
            var path = export.Path;
            string[] Lines(string file) => File.ReadAllLines(Path.Combine(RepositoryPaths.SampleExport, file));
            static bool Of(string line, string patient) =>
                line.Contains($"\"Patient/{patient}\"", StringComparison.Ordinal) || line.Contains($"\"id\":\"{patient}\"", StringComparison.Ordinal);

            // The export's own files.
            File.Copy(FhirSamples.PathOf("Bulk/export-log.ndjson"), Path.Combine(path, "log.ndjson"));
            File.Copy(FhirSamples.PathOf("Bulk/manifest.json"), Path.Combine(path, "manifest.json"));
            File.Copy(FhirSamples.PathOf("Bulk/OperationOutcome.ndjson"), Path.Combine(path, "OperationOutcome.ndjson"));

            // One patient's Patient and Conditions as a transaction Bundle on one line, referring by urn:uuid.
            var patients = Lines("Patient.ndjson");
            var conditions = Lines("Condition.ndjson");
            File.WriteAllLines(Path.Combine(path, "Patient.ndjson"), patients.Where(l => !Of(l, BundledPatient)));
            File.WriteAllLines(Path.Combine(path, "Condition.ndjson"), conditions.Where(l => !Of(l, BundledPatient)));
            File.WriteAllLines(Path.Combine(path, "Bundle.ndjson"), [TransactionBundle([.. patients.Where(l => Of(l, BundledPatient)), .. conditions.Where(l => Of(l, BundledPatient))])]);

            // The same Condition in a second file.
            File.WriteAllLines(Path.Combine(path, "Condition.part2.ndjson"), [conditions.First(l => Of(l, DuplicatedPatient))]);

            // Observations compressed; administrations concatenated from two files, the second starting with a byte-order mark.
            var observations = Lines("Observation.ndjson");
            var administrations = Lines("MedicationAdministration.ndjson");
            var split = Array.FindIndex(administrations, l => Of(l, ByteOrderMarkPatient));
            byte[][] concatenated = [.. administrations.Select((l, i) => i == split ? WithByteOrderMark(l) : Utf8(l))];
            if (!damaged)
            {
                export.WriteGzip("Observation.ndjson.gz", observations);
                export.WriteBytes("MedicationAdministration.ndjson", concatenated);
                return path;
            }

            // A marrow result in a second file with other content and no lastUpdated; a line with a byte that is not UTF-8; a dangling link.
            var conflict = Array.FindIndex(observations, l => Of(l, ConflictPatient) && l.Contains("BMBLAST", StringComparison.Ordinal));
            ConflictLine = conflict + 1;
            var other = JsonNode.Parse(observations[conflict])!;
            other["valueQuantity"]!["value"] = 12.5m;
            File.WriteAllLines(Path.Combine(path, "Observation.extra.ndjson"), [other.ToJsonString()]);
            var invalid = Array.FindIndex(observations, l => Of(l, InvalidUtf8Patient) && l.Contains("BMBLAST", StringComparison.Ordinal));
            InvalidUtf8Line = invalid + 1;
            export.WriteGzip("Observation.ndjson.gz", observations.Select((l, i) => i == invalid ? WithInvalidUtf8(l, "bone marrow") : Utf8(l)));
            export.WriteBytes("MedicationAdministration.ndjson", concatenated);
            // Named for a type the adapter never reads: reported, but it cannot change any outcome (see the test below for one it reads).
            File.CreateSymbolicLink(Path.Combine(path, "Encounter.links.ndjson"), Path.Combine(path, "gone", "Encounter.ndjson"));
            return path;
        }

        /// <summary>A Synthea-style transaction Bundle: each resource with a urn:uuid fullUrl, and references to the Patient by it.</summary>
        private static string TransactionBundle(IEnumerable<string> lines)
        {
            var patientUrl = $"urn:uuid:{Guid.NewGuid()}";
            var entries = new JsonArray();
            foreach (var line in lines)
            {
                var resource = JsonNode.Parse(line)!.AsObject();
                var isPatient = resource["resourceType"]!.GetValue<string>() == "Patient";
                if (!isPatient)
                {
                    resource["subject"] = new JsonObject { ["reference"] = patientUrl };
                }

                entries.Add(new JsonObject
                {
                    ["fullUrl"] = isPatient ? patientUrl : $"urn:uuid:{Guid.NewGuid()}",
                    ["resource"] = resource,
                    ["request"] = new JsonObject { ["method"] = "POST", ["url"] = resource["resourceType"]!.GetValue<string>() },
                });
            }

            return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries }.ToJsonString();
        }
    }

    /// <summary>One CLI run: its result, report and outcome lines by patient.</summary>
    public sealed record Run(CliResult Result, JsonDocument Report, IReadOnlyDictionary<string, string> Outcomes)
    {
        public static async Task<Run> OfAsync(string source, string output)
        {
            var result = await CliRunner.RunAsync(["sync", "--once", "--source", source, "--out", output, "--as-of", AsOf, "--site-map", RepositoryPaths.SampleSiteMap]);
            var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, FileSyncRunner.ReportFileName)));

            // Every outcome line of each patient, in file order: equal dictionaries mean byte-identical outcomes.
            var outcomes = File.ReadLines(Path.Combine(output, "Observation.ndjson"))
                .GroupBy(l => JsonNode.Parse(l)!["subject"]!["reference"]!.GetValue<string>()["Patient/".Length..])
                .ToDictionary(g => g.Key, g => string.Join('\n', g));
            return new Run(result, report, outcomes);
        }
    }
}
