using System.Text.Json;
using Interop.Ehr.Ndjson;
using Interop.Fhir.Mapping;
using Interop.Fhir.Terminology;
using Interop.Sync.Files;

namespace Interop.Sync.Tests;

/// <summary>
/// A folder read with lines recognised as irrelevant left unparsed (ADR 0019) assembles exactly what a read that parses
/// every line assembles: the same patients and facts, counts, quarantine and warnings, duplicates included.
/// </summary>
public sealed class NdjsonFolderIrrelevantLineTests
{
    private const string Diagnosis =
        """{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},"code":{"coding":[{"system":"http://snomed.info/sct","code":"277571004"}]},"subject":{"reference":"Patient/p1"},"onsetDateTime":"2019-01-14"}""";

    private static readonly FhirFactMapper Mapper = new(TerminologyMap.Load([RepositoryPaths.SampleSiteMap]), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

    [Fact]
    public async Task ReadAsync_SampleExport_SameAsParsingEveryLine()
    {
        var read = await NdjsonFolderRecords.ReadAsync(RepositoryPaths.SampleExport, Mapper, CancellationToken.None);
        var parsed = await ParseEveryLineAsync(RepositoryPaths.SampleExport);

        Assert.NotEmpty(parsed.Patients);
        Assert.Equal(Describe(parsed), Describe(read.Assembled));
        Assert.True(read.Assembled.IrrelevantResources >= 305, $"{read.Assembled.IrrelevantResources} irrelevant");
    }

    [Theory]
    [InlineData("2019-01-20T10:00:00Z", "2019-01-21T10:00:00Z")] // the relevant copy is later: it stands
    [InlineData("2019-01-21T10:00:00Z", "2019-01-20T10:00:00Z")] // the irrelevant copy is later: the blasts are taken back
    [InlineData("2019-01-20T10:00:00Z", "2019-01-20T10:00:00Z")] // neither is later: both quarantined, naming the patient
    public async Task ReadAsync_RecordRecodedToSomethingIrrelevant_SameDecisionAsParsingEveryLine(string irrelevantUpdated, string relevantUpdated)
    {
        using var folder = new TempFolder();
        folder.Write("Condition.ndjson", [Diagnosis]);
        folder.Write("Observation.ndjson", [Blasts("BMBLAST", relevantUpdated), Blasts("HEARTRATE", irrelevantUpdated)]);

        var read = await NdjsonFolderRecords.ReadAsync(folder.Path, Mapper, CancellationToken.None);
        var parsed = await ParseEveryLineAsync(folder.Path);

        Assert.Equal(Describe(parsed), Describe(read.Assembled));
        Assert.Equal(3, read.Assembled.ResourcesRead);
    }

    [Fact]
    public async Task ReadAsync_IrrelevantRecordDamagedOutsideItsCodes_CountedNotQuarantined()
    {
        // Its codes say it is not read; like a record of a type the adapter never reads, its other faults change no outcome.
        using var folder = new TempFolder();
        folder.Write("Condition.ndjson", [Diagnosis]);
        folder.Write("Observation.ndjson", [Blasts("HEARTRATE", "2019-01-20T10:00:00Z").Replace("\"final\"", "\"finished\"", StringComparison.Ordinal)]);

        var read = await NdjsonFolderRecords.ReadAsync(folder.Path, Mapper, CancellationToken.None);

        Assert.Empty(read.Assembled.Quarantined);
        Assert.Equal((2, 1), (read.Assembled.ResourcesRead, read.Assembled.IrrelevantResources));
    }

    private static string Blasts(string localCode, string lastUpdated) =>
        $$$"""{"resourceType":"Observation","id":"o1","meta":{"lastUpdated":"{{{lastUpdated}}}"},"status":"final","code":{"coding":[{"system":"http://hospital.example.org/CodeSystem/lab-local","code":"{{{localCode}}}"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2019-01-14T14:00:00+01:00","valueQuantity":{"value":81.8,"unit":"%","system":"http://unitsofmeasure.org","code":"%"}}""";

    // The read before ADR 0019: every line parsed by Firely and mapped.
    private static async Task<AssemblyResult> ParseEveryLineAsync(string folder)
    {
        var assembler = new PatientRecordAssembler(Mapper);
        await foreach (var item in new NdjsonFolderReader().ReadAsync(folder, CancellationToken.None))
        {
            if (item.Resource is not null)
            {
                assembler.Add(item.Resource, item.Location, item.LineHash);
            }
            else if (item.Failure is not null)
            {
                assembler.AddUnattributed(item.Failure);
            }
            else if (item.Deletion is { } deletion)
            {
                assembler.AddDeletion(deletion.ResourceType, deletion.Id, item.Location);
            }
        }

        Assert.False(assembler.NeedsContentHashes);
        return assembler.Complete();
    }

    private static string Describe(AssemblyResult result) => JsonSerializer.Serialize(new
    {
        result.ResourcesRead,
        result.IrrelevantResources,
        result.PatientsSeen,
        result.Quarantined,
        result.Warnings,
        Patients = result.Patients.Select(p => new { p.Record, p.Quarantined, p.Warnings }),
    });
}
