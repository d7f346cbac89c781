using Interop.Fhir.Mapping;
using Interop.Fhir.Terminology;
using Interop.Sync.Files;

namespace Interop.Sync.Tests;

/// <summary>
/// Copies of a record across NDJSON lines: told apart by their lines, and, when the lines cannot tell (the same content
/// written differently, with no later meta.lastUpdated), by their content on a second read: as if read so at once.
/// </summary>
public sealed class NdjsonFolderDuplicateTests
{
    private const string Diagnosis =
        """{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},"code":{"coding":[{"system":"http://snomed.info/sct","code":"277571004"}]},"subject":{"reference":"Patient/p1"},"onsetDateTime":"2019-01-14"}""";

    private const string Blasts =
        """{"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://hospital.example.org/CodeSystem/lab-local","code":"BMBLAST"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2019-01-14T14:00:00+01:00","valueQuantity":{"value":81.8,"unit":"%","system":"http://unitsofmeasure.org","code":"%"}}""";

    // The same content, its properties in another order and spaced out.
    private const string BlastsWrittenDifferently =
        """{ "id": "o1", "resourceType": "Observation", "subject": {"reference": "Patient/p1"}, "status": "final", "code": {"coding": [{"code": "BMBLAST", "system": "http://hospital.example.org/CodeSystem/lab-local"}]}, "valueQuantity": {"code": "%", "system": "http://unitsofmeasure.org", "unit": "%", "value": 81.8}, "effectiveDateTime": "2019-01-14T14:00:00+01:00" }""";

    private const string BlastsOtherValue =
        """{"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://hospital.example.org/CodeSystem/lab-local","code":"BMBLAST"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2019-01-14T14:00:00+01:00","valueQuantity":{"value":12.5,"unit":"%","system":"http://unitsofmeasure.org","code":"%"}}""";

    private static readonly FhirFactMapper Mapper = new(TerminologyMap.Load([FhirSamples.PathOf("Mapping/conceptmap-site.json")]), TimeZoneInfo.Utc);

    [Fact]
    public async Task ReadAsync_SameLineTwice_ReadOnceWithIdenticalWarning()
    {
        var result = await ReadAsync([Diagnosis], [Blasts, Blasts]);

        Assert.Equal(3, result.ResourcesRead);
        Assert.Empty(result.Quarantined);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("Observation.ndjson:2", "duplicate-identical", "p1"), (warning.Location, warning.Rule, warning.PatientId));
    }

    [Fact]
    public async Task ReadAsync_SameContentWrittenDifferently_ReadOnceWithIdenticalWarning()
    {
        var result = await ReadAsync([Diagnosis], [Blasts, BlastsWrittenDifferently]);

        Assert.Equal(3, result.ResourcesRead);
        Assert.Empty(result.Quarantined);
        Assert.Single(Assert.Single(result.Patients).Record.Labs);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("Observation.ndjson:2", "duplicate-identical", "p1"), (warning.Location, warning.Rule, warning.PatientId));
        Assert.Contains("Observation.ndjson:1", warning.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OtherContentWithoutALatest_BothQuarantinedNamingThePatient()
    {
        var result = await ReadAsync([Diagnosis], [Blasts, BlastsOtherValue]);

        Assert.Equal(3, result.ResourcesRead);
        Assert.Equal(["Observation.ndjson:1", "Observation.ndjson:2"], result.Quarantined.Select(q => q.Location));
        Assert.All(result.Quarantined, q => Assert.Equal("p1", q.PatientId));
        Assert.Empty(result.Warnings);
    }

    private static async Task<AssemblyResult> ReadAsync(string[] conditions, string[] observations)
    {
        using var folder = new TempFolder();
        folder.Write("Condition.ndjson", conditions);
        folder.Write("Observation.ndjson", observations);
        var records = await NdjsonFolderRecords.ReadAsync(folder.Path, Mapper, CancellationToken.None);
        return records.Assembled;
    }
}
