using Hl7.Fhir.Model;
using Interop.Ehr.Ndjson;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Ndjson;

public sealed class NdjsonFolderReaderTests : IDisposable
{
    private const string FakeBirthDate = "2023-02-31";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_SeveralFiles_ReadsNdjsonFilesInOrdinalNameOrder()
    {
        _folder.Write("b.ndjson", [Patient("p-b")]);
        _folder.Write("Patient.ndjson", [Patient("p-P")]);
        _folder.Write("A.ndjson", [Patient("p-A")]);
        _folder.Write("notes.txt", [Patient("p-txt")]);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "sub"));
        _folder.Write(Path.Combine("sub", "C.ndjson"), [Patient("p-sub")]);

        var items = (await ReadAll()).Where(i => i.Note is null).ToList();

        Assert.Equal(["A.ndjson:1", "Patient.ndjson:1", "b.ndjson:1"], items.Select(i => i.Location));
        Assert.Equal(["p-A", "p-P", "p-b"], items.Select(i => i.Resource!.Id));
    }

    [Fact]
    public async Task ReadAsync_AnyTypePerLine_ParsesEachResource()
    {
        _folder.Write("Observation.ndjson",
        [
            Patient("p1"),
            """{"resourceType":"Observation","id":"o1","meta":{"versionId":"3"},"status":"final","code":{"text":"MRD"},"subject":{"reference":"Patient/p1"},"valueQuantity":{"value":0.0004,"unit":"1","system":"http://unitsofmeasure.org","code":"1"}}""",
            """{"resourceType":"MedicationAdministration","id":"m1","status":"completed","medicationCodeableConcept":{"text":"blinatumomab"},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2024-03-01T08:00:00+01:00"}""",
        ]);

        var items = await ReadAll();

        Assert.All(items, i => Assert.Null(i.Failure));
        Assert.IsType<Patient>(items[0].Resource);
        var observation = Assert.IsType<Observation>(items[1].Resource);
        Assert.Equal("3", observation.Meta!.VersionId);
        Assert.Equal(0.0004m, ((Quantity)observation.Value!).Value);
        Assert.IsType<MedicationAdministration>(items[2].Resource);
    }

    [Fact]
    public async Task ReadAsync_BlankAndCrLfLines_SkippedButCountedInLocation()
    {
        _folder.Write("Patient.ndjson", [Patient("p1"), "", "   ", Patient("p2")], newLine: "\r\n");

        var items = await ReadAll();

        Assert.Equal(["Patient.ndjson:1", "Patient.ndjson:4"], items.Select(i => i.Location));
        Assert.Equal(["p1", "p2"], items.Select(i => i.Resource!.Id));
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMark_Ignored()
    {
        _folder.Write("Patient.ndjson", [Patient("p1")], bom: true);

        var item = Assert.Single(await ReadAll());

        Assert.Equal("p1", item.Resource!.Id);
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_FailureWithLocationTypeIdAndNoValue()
    {
        _folder.Write("Patient.ndjson",
        [
            Patient("p1"),
            $$"""{"resourceType":"Patient","id":"p9","birthDate":"{{FakeBirthDate}}" """,
            Patient("p3"),
        ]);

        var items = await ReadAll();

        Assert.Equal(3, items.Count);
        Assert.Null(items[1].Resource);
        var failure = items[1].Failure!;
        Assert.Equal(("Patient.ndjson:2", "Patient.ndjson:2", "Patient", "p9"), (items[1].Location, failure.Location, failure.ResourceType, failure.ResourceId));
        Assert.StartsWith("malformed JSON", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBirthDate, failure.Reason, StringComparison.Ordinal);
        Assert.Equal("p3", items[2].Resource!.Id);
    }

    [Fact]
    public async Task ReadAsync_InvalidFhirValue_FailureNamesCodeAndPathButNotValue()
    {
        _folder.Write("Patient.ndjson", [$$"""{"resourceType":"Patient","id":"p9","birthDate":"{{FakeBirthDate}}"}"""]);

        var failure = Assert.Single(await ReadAll()).Failure!;

        Assert.Equal(("Patient", "p9"), (failure.ResourceType, failure.ResourceId));
        Assert.StartsWith("invalid FHIR JSON: ", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("Patient.birthDate", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBirthDate, failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ManyBatches_KeepsFileAndLineOrder()
    {
        var lines = Enumerable.Range(0, 2_000).Select(i => i % 97 == 0 ? "{ broken" : Patient($"p{i}")).ToArray();
        _folder.Write("Patient.ndjson", lines);

        var items = await ReadAll();

        Assert.Equal(lines.Length, items.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal($"Patient.ndjson:{i + 1}", items[i].Location);
            Assert.Equal(i % 97 == 0 ? null : $"p{i}", items[i].Resource?.Id);
        }
    }

    [Fact]
    public async Task ReadAsync_InvalidObservation_FailureAttributedToItsPatient()
    {
        _folder.Write("Observation.ndjson",
            [$$"""{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p7"},"effectiveDateTime":"{{FakeBirthDate}}"}"""]);

        var failure = Assert.Single(await ReadAll()).Failure!;

        Assert.Equal(("Observation", "o1", "p7"), (failure.ResourceType, failure.ResourceId, failure.PatientId));
    }

    [Fact]
    public async Task ReadAsync_DateTimeWithoutZone_AcceptedForTheSiteZone()
    {
        _folder.Write("Observation.ndjson",
            ["""{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"effectiveDateTime":"2024-03-31T01:30:00"}"""]);

        var observation = Assert.IsType<Observation>(Assert.Single(await ReadAll()).Resource);

        Assert.Equal("2024-03-31T01:30:00", Assert.IsType<FhirDateTime>(observation.Effective).Value);
    }

    [Theory]
    [InlineData("2024-13-31T01:30:00")]
    [InlineData("2024-03-31T01:30")]
    [InlineData("2024-03-31T25:30:00")]
    public async Task ReadAsync_MalformedDateTimeWithoutZone_StillRejected(string value)
    {
        _folder.Write("Observation.ndjson",
            [$$"""{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"effectiveDateTime":"{{value}}"}"""]);

        var failure = Assert.Single(await ReadAll()).Failure!;

        Assert.Contains("PVAL", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownElementNamedLikeData_PathWithheld()
    {
        _folder.Write("Patient.ndjson", [$$"""{"resourceType":"Patient","id":"p9","Jane Doe {{FakeBirthDate}}":true}"""]);

        var failure = Assert.Single(await ReadAll()).Failure!;

        Assert.DoesNotContain("Jane", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBirthDate, failure.Reason, StringComparison.Ordinal);
        Assert.Contains("withheld", failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patientt","id":"p1"}""")]
    [InlineData("""{"resourceType":7,"id":"p1"}""")]
    public async Task ReadAsync_UnknownResourceType_FailureWithoutType(string line)
    {
        _folder.Write("Patient.ndjson", [line]);

        var item = Assert.Single(await ReadAll());

        Assert.Null(item.Resource);
        Assert.Null(item.Failure!.ResourceType);
        Assert.Equal("Patient.ndjson:1", item.Failure.Location);
        Assert.StartsWith("invalid FHIR JSON: ", item.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingResourceTypeBesideResources_Failure()
    {
        _folder.Write("Patient.ndjson", ["""{"id":"p1"}""", Patient("p2")]);

        var items = await ReadAll();

        Assert.Equal(("Patient.ndjson:1", "p1"), (items[0].Failure!.Location, items[0].Failure!.ResourceId));
        Assert.Equal("p2", items[1].Resource!.Id);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"2023-02-31\"")]
    [InlineData("null")]
    public async Task ReadAsync_NotAnObject_MalformedFailure(string line)
    {
        _folder.Write("Patient.ndjson", [line]);

        var failure = Assert.Single(await ReadAll()).Failure!;

        Assert.Equal("malformed JSON (line is not a JSON object)", failure.Reason);
        Assert.Null(failure.PatientId);
    }

    [Fact]
    public async Task ReadAsync_MissingFolder_ThrowsSourceFolderExceptionNamingIt()
    {
        var missing = Path.Combine(_folder.Path, "no-such-export");

        var ex = await Assert.ThrowsAsync<SourceFolderException>(() => ReadAll(missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Equal(missing, ex.Folder);
    }

    [Fact]
    public async Task ReadAsync_EmptyFolder_YieldsNothing() =>
        Assert.Empty(await ReadAll());

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        _folder.Write("Patient.ndjson", [Patient("p1"), Patient("p2")]);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in new NdjsonFolderReader().ReadAsync(_folder.Path, cts.Token))
            {
            }
        });
    }

    private static string Patient(string id) => $$"""{"resourceType":"Patient","id":"{{id}}","birthDate":"2024-01-01"}""";

    private async Task<List<SourceItem>> ReadAll(string? folder = null)
    {
        var items = new List<SourceItem>();
        await foreach (var item in new NdjsonFolderReader().ReadAsync(folder ?? _folder.Path, CancellationToken.None))
        {
            Assert.Equal(1, new object?[] { item.Resource, item.Failure, item.Note, item.Deletion }.Count(x => x is not null));
            items.Add(item);
        }

        return items;
    }
}
