using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Interop.Ehr.Ndjson;
using static Interop.Testing.BulkExportFiles;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Ndjson;

/// <summary>A Bulk Data export folder as exporters really write it (issue 9, item 5): one test per shape.</summary>
public sealed class BulkExportShapesTests : IDisposable
{
    private const string BundlePatient = "5e4b3a2c-7d1e-4c2d-9e8f-0a1b2c3d4e5f";
    private const string PrivateName = "Jane Doe";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_ExportLogFile_SkippedWithOneNote()
    {
        _folder.CopySample("export-log.ndjson", "log.ndjson");
        _folder.Write("Patient.ndjson", [Patient("p1")]);

        var items = await ReadAll();

        var note = Assert.Single(items, i => i.Note is not null).Note!;
        Assert.Equal(("log.ndjson", SourceNote.NotResources, 4), (note.File, note.Kind, note.Count));
        Assert.DoesNotContain(items, i => i.Failure is not null);
        Assert.Equal("p1", Assert.Single(items, i => i.Resource is not null).Resource!.Id);
    }

    [Fact]
    public async Task ReadAsync_LineWithoutResourceTypeInFileOfResources_QuarantinedInLineOrder()
    {
        _folder.Write("Observation.ndjson",
        [
            """{"id":"o0","status":"final","subject":{"reference":"Patient/p7"}}""",
            Patient("p1"),
            """{"id":"o2","subject":{"reference":"Patient/p8"}}""",
        ]);

        var items = await ReadAll();

        Assert.Equal(["Observation.ndjson:1", "Observation.ndjson:2", "Observation.ndjson:3"], items.Select(i => i.Location));
        Assert.Equal(("o0", "p7"), (items[0].Failure!.ResourceId, items[0].Failure!.PatientId));
        Assert.Contains("no resourceType", items[0].Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal("p8", items[2].Failure!.PatientId);
        Assert.DoesNotContain(items, i => i.Note is not null);
    }

    [Fact]
    public async Task ReadAsync_OperationOutcomeErrorFile_SkippedWithOneNote()
    {
        _folder.CopySample("OperationOutcome.ndjson");

        var note = Assert.Single(await ReadAll()).Note!;

        Assert.Equal(("OperationOutcome.ndjson", SourceNote.OperationOutcomes, 2), (note.File, note.Kind, note.Count));
        Assert.DoesNotContain("could not be exported", note.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ManifestSyntheaFilesAndFolders_NotReadOneNotePerExtension()
    {
        _folder.CopySample("manifest.json");
        _folder.Write($"{PrivateName.Replace(' ', '_')}_0a1b.json", ["{}"]);
        _folder.Write("hospitalInformation1638153633548.json", ["{}"]);
        Directory.CreateDirectory(_folder.Combine("metadata"));
        _folder.Write("Patient.ndjson", [Patient("p1")]);

        var notes = (await ReadAll()).Where(i => i.Note is not null).Select(i => i.Note!).ToList();

        Assert.Equal([("(folders)", 1), ("*.json", 3)], notes.Select(n => (n.File, n.Count)));
        Assert.All(notes, n => Assert.Equal(SourceNote.NotRead, n.Kind));
        Assert.DoesNotContain(notes, n => (n.File + n.Detail).Contains("Jane", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_GzipFile_ReadLikePlainNdjson()
    {
        _folder.WriteGzip("Patient.ndjson.gz", [Patient("p1"), "", Patient("p2")]);

        var items = await ReadAll();

        Assert.Equal(["Patient.ndjson.gz:1", "Patient.ndjson.gz:3"], items.Select(i => i.Location));
        Assert.Equal(["p1", "p2"], items.Select(i => i.Resource!.Id));
    }

    [Fact]
    public async Task ReadAsync_DamagedGzip_ReportedAndOtherFilesRead()
    {
        var path = _folder.WriteGzip("Observation.ndjson.gz", Enumerable.Range(0, 50).Select(i => Patient($"p{i}")));
        var bytes = File.ReadAllBytes(path);
        bytes.AsSpan(bytes.Length / 2, 16).Fill(0x55);
        File.WriteAllBytes(path, bytes);
        _folder.Write("Patient.ndjson", [Patient("ok")]);

        var items = await ReadAll();

        var failure = Assert.Single(items, i => i.Failure is not null && i.Location == "Observation.ndjson.gz").Failure!;
        Assert.Null(failure.PatientId);
        Assert.Contains("damaged", failure.Reason, StringComparison.Ordinal);
        Assert.Contains(items, i => i.Resource?.Id == "ok");
    }

    [Fact]
    public async Task ReadAsync_BundleLine_EntriesReadWithTheirLocationAndFullUrlReferencesResolved()
    {
        _folder.CopySample("Bundle-transaction.ndjson", "Bundle.ndjson");

        var items = await ReadAll();

        Assert.Equal(["Bundle.ndjson:1 entry 1", "Bundle.ndjson:1 entry 2", "Bundle.ndjson:1 entry 3", "Bundle.ndjson:1 entry 4"], items.Select(i => i.Location));
        Assert.Equal(["Patient", "Encounter", "Condition", "Observation"], items.Select(i => i.Resource!.TypeName));
        var condition = Assert.IsType<Condition>(items[2].Resource);
        Assert.Equal($"Patient/{BundlePatient}", condition.Subject.Reference);
        Assert.StartsWith("Encounter/", condition.Encounter!.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BundleWithOneDamagedEntry_OnlyThatEntryQuarantinedWithItsPatient()
    {
        var bundle = JsonNode.Parse(SampleLines("Bundle-transaction.ndjson")[0])!;
        bundle["entry"]![2]!["resource"]!["onsetDateTime"] = "2026-13-45";
        _folder.Write("Bundle.ndjson", [bundle.ToJsonString()]);

        var items = await ReadAll();

        Assert.Equal(4, items.Count);
        var failure = items[2].Failure!;
        Assert.Equal(("Bundle.ndjson:1 entry 3", "Condition", BundlePatient), (failure.Location, failure.ResourceType, failure.PatientId));
        Assert.DoesNotContain("2026-13-45", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(3, items.Count(i => i.Resource is not null));
    }

    [Fact]
    public async Task ReadAsync_BundleThatIsNotValidJson_QuarantinedAsABundle()
    {
        _folder.Write("Bundle.ndjson", [SampleLines("Bundle-transaction.ndjson")[0][..200]]);

        var failure = Assert.Single(await ReadAll()).Failure!;

        Assert.Equal("Bundle", failure.ResourceType);
        Assert.StartsWith("malformed JSON", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BundleEntryWithoutResource_Quarantined()
    {
        _folder.Write("Bundle.ndjson", ["""{"resourceType":"Bundle","type":"batch-response","entry":[{"response":{"status":"201 Created"}}]}"""]);

        var failure = Assert.Single(await ReadAll()).Failure!;

        Assert.Equal("Bundle.ndjson:1 entry 1", failure.Location);
        Assert.Contains("without a resource", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DeletedResourcesBundle_EachDeleteIsADeletion()
    {
        _folder.CopySample("Deleted.ndjson");

        var items = await ReadAll();

        Assert.Equal([new DeletedResource("Observation", "bulk-obs-blasts"), new DeletedResource("Encounter", "bulk-enc-9")], items.Select(i => i.Deletion));
        Assert.Equal("Deleted.ndjson:1 entry 2", items[1].Location);
    }

    [Fact]
    public async Task ReadAsync_DanglingSymlink_ReportedAndTheRestRead()
    {
        File.CreateSymbolicLink(_folder.Combine("Observation.ndjson"), _folder.Combine("gone", "Observation.ndjson"));
        _folder.Write("Patient.ndjson", [Patient("p1")]);

        var items = await ReadAll();

        var failure = Assert.Single(items, i => i.Failure is not null).Failure!;
        Assert.Equal(("Observation.ndjson", null), (failure.Location, failure.PatientId));
        Assert.Contains("symbolic link to a file that does not exist", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder.Path, failure.Reason, StringComparison.Ordinal);
        Assert.Contains(items, i => i.Resource?.Id == "p1");
    }

    [Fact]
    public async Task ReadAsync_SymlinkLoop_ReportedAndTheRestRead()
    {
        File.CreateSymbolicLink(_folder.Combine("a.ndjson"), _folder.Combine("b.ndjson"));
        File.CreateSymbolicLink(_folder.Combine("b.ndjson"), _folder.Combine("a.ndjson"));
        _folder.Write("c.ndjson", [Patient("p1")]);

        var items = await ReadAll();

        Assert.Equal(["a.ndjson", "b.ndjson"], items.Where(i => i.Failure is not null).Select(i => i.Location));
        Assert.Contains(items, i => i.Resource?.Id == "p1");
    }

    [Fact]
    public async Task ReadAsync_FileWithoutReadPermission_ReportedAndTheRestRead()
    {
        // Through the seam: the test may run as root, whom file permissions do not stop.
        _folder.Write("Observation.ndjson", [Patient("hidden")]);
        _folder.Write("Patient.ndjson", [Patient("p1")]);
        var reader = new NdjsonFolderReader
        {
            OpenFile = path => path.EndsWith("Observation.ndjson", StringComparison.Ordinal)
                ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
                : File.OpenRead(path),
        };

        var items = await ReadAll(reader);

        var failure = Assert.Single(items, i => i.Failure is not null).Failure!;
        Assert.Contains("no permission", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder.Path, failure.Reason, StringComparison.Ordinal);
        Assert.Equal(["p1"], items.Where(i => i.Resource is not null).Select(i => i.Resource!.Id));
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InAnObservation_QuarantinedNamingThePatientAndTheRestOfTheFileRead()
    {
        _folder.WriteBytes("Observation.ndjson",
            Utf8(Blasts("o1", "p1")),
            WithInvalidUtf8(Blasts("o2", "p2", $"note: {PrivateName}"), "Doe"),
            Utf8(Blasts("o3", "p3")));

        var items = await ReadAll();

        Assert.Equal(["o1", "o3"], items.Where(i => i.Resource is not null).Select(i => i.Resource!.Id));
        var failure = items[1].Failure!;
        Assert.Equal(("Observation.ndjson:2", "Observation", "o2", "p2"), (failure.Location, failure.ResourceType, failure.ResourceId, failure.PatientId));
        Assert.StartsWith("not valid UTF-8", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InARecordTypeNotRead_ReadAsThatRecord()
    {
        _folder.WriteBytes("Encounter.ndjson", WithInvalidUtf8($$$"""{"resourceType":"Encounter","id":"e1","status":"finished","class":{"code":"IMP","display":"{{{PrivateName}}}"}}""", "Doe"));

        var item = Assert.Single(await ReadAll());

        Assert.Equal("e1", Assert.IsType<Encounter>(item.Resource).Id);
    }

    [Fact]
    public async Task ReadAsync_StrayByteOrderMarkInsideTheFile_LineRead()
    {
        _folder.WriteBytes("Observation.ndjson", Utf8(Blasts("o1", "p1")), WithByteOrderMark(Blasts("o2", "p2")));

        var items = await ReadAll();

        Assert.Equal(["o1", "o2"], items.Select(i => i.Resource!.Id));
    }

    [Fact]
    public async Task ReadAsync_StrayByteOrderMarkOnADamagedLine_QuarantineNamesThePatient()
    {
        _folder.WriteBytes("Observation.ndjson", Utf8(Blasts("o1", "p1")), WithByteOrderMark(Blasts("o2", "p2")[..^2]));

        var failure = (await ReadAll())[1].Failure!;

        Assert.Equal(("o2", "p2"), (failure.ResourceId, failure.PatientId));
    }

    [Fact]
    public async Task ReadAsync_Utf16File_ReportedNotReadAsGarbage()
    {
        File.WriteAllText(_folder.Combine("Patient.ndjson"), Patient("p1") + "\n" + Patient("p2") + "\n", System.Text.Encoding.Unicode);

        var failure = Assert.Single(await ReadAll()).Failure!;

        Assert.Equal("Patient.ndjson", failure.Location);
        Assert.Contains("UTF-16", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LineLongerThanTheReadBuffer_Read()
    {
        var bundle = JsonNode.Parse(SampleLines("Bundle-transaction.ndjson")[0])!;
        var entries = bundle["entry"]!.AsArray();
        var weight = entries[3]!.ToJsonString();
        for (var i = 0; i < 2_000; i++)
        {
            var copy = JsonNode.Parse(weight)!;
            copy["resource"]!["id"] = $"w{i}";
            copy["fullUrl"] = $"urn:uuid:00000000-0000-4000-8000-{i:D12}";
            entries.Add(copy);
        }

        _folder.Write("Bundle.ndjson", [bundle.ToJsonString(), Patient("after")]);

        var items = await ReadAll();

        Assert.True(new FileInfo(_folder.Combine("Bundle.ndjson")).Length > 1 << 20);
        Assert.Equal(2_005, items.Count);
        Assert.All(items, i => Assert.NotNull(i.Resource));
        Assert.Equal("Bundle.ndjson:2", items[^1].Location);
    }

    private static string Patient(string id) => $$"""{"resourceType":"Patient","id":"{{id}}","birthDate":"2025-11-20"}""";

    private static string Blasts(string id, string patient, string? note = null)
    {
        var notes = note is null ? string.Empty : $$""","note":[{"text":"{{note}}"}]""";
        return $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://hospital.example.org/CodeSystem/lab-local","code":"BMBLAST"}]},"subject":{"reference":"Patient/{{{patient}}}"},"effectiveDateTime":"2026-01-19T10:00:00+01:00","valueQuantity":{"value":91,"unit":"%","system":"http://unitsofmeasure.org","code":"%"}{{{notes}}}}""";
    }

    private async Task<List<SourceItem>> ReadAll(NdjsonFolderReader? reader = null)
    {
        var items = new List<SourceItem>();
        await foreach (var item in (reader ?? new NdjsonFolderReader()).ReadAsync(_folder.Path, CancellationToken.None))
        {
            Assert.Equal(1, new object?[] { item.Resource, item.Failure, item.Note, item.Deletion }.Count(x => x is not null));
            items.Add(item);
        }

        return items;
    }
}
