using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>
/// The same Type/id read twice (issue 9, item 5): identical copies read once, the latest meta.lastUpdated wins,
/// otherwise every copy is quarantined naming the patient; a deletion is weighed like a copy without lastUpdated.
/// </summary>
public class DuplicateRecordTests
{
    private const string Earlier = "2026-01-10T08:00:00Z";
    private const string Later = "2026-01-10T08:00:00.001Z";
    private readonly PatientRecordAssembler _assembler = new(Mapper);

    [Fact]
    public void Add_SameContentTwice_ReadOnceWithIdenticalWarningNamingBothLocations()
    {
        _assembler.Add(Diagnosis(), "Condition.ndjson:1");
        _assembler.Add(Blasts(30m, Earlier), "Observation.ndjson:4");
        _assembler.Add(Blasts(30m, Earlier), "Observation.part2.ndjson:1");

        var result = _assembler.Complete();

        Assert.Single(Assert.Single(result.Patients).Record.Labs);
        Assert.Empty(result.Quarantined);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("Observation.part2.ndjson:1", "duplicate-identical", "pat-1"), (warning.Location, warning.Rule, warning.PatientId));
        Assert.Contains("Observation.ndjson:4", warning.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_IdenticalCopiesWhenNotReported_NoWarning()
    {
        var live = new PatientRecordAssembler(Mapper) { ReportIdenticalCopies = false };
        live.Add(Blasts(30m, Earlier), "GET Observation search");
        live.Add(Blasts(30m, Earlier), "GET Observation search");

        Assert.Empty(live.Complete().Warnings);
    }

    [Fact]
    public void Add_LaterCopySecond_ItWinsAndTheFirstIsSuperseded()
    {
        _assembler.Add(Diagnosis(), "Condition.ndjson:1");
        _assembler.Add(Blasts(30m, Earlier), "Observation.000.ndjson:1");
        _assembler.Add(Blasts(10m, Later), "Observation.001.ndjson:1");

        var result = _assembler.Complete();

        Assert.Equal(10m, Assert.Single(Assert.Single(result.Patients).Record.Labs).Amount);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("Observation.000.ndjson:1", "duplicate-superseded"), (warning.Location, warning.Rule));
        Assert.Contains("Observation.001.ndjson:1", warning.Detail, StringComparison.Ordinal);
        Assert.Empty(result.Quarantined);
    }

    [Fact]
    public void Add_LaterCopyFirst_ItStays()
    {
        _assembler.Add(Diagnosis(), "Condition.ndjson:1");
        _assembler.Add(Blasts(10m, Later), "Observation.000.ndjson:1");
        _assembler.Add(Blasts(30m, Earlier), "Observation.001.ndjson:1");

        var result = _assembler.Complete();

        Assert.Equal(10m, Assert.Single(Assert.Single(result.Patients).Record.Labs).Amount);
        Assert.Equal("Observation.001.ndjson:1", Assert.Single(result.Warnings).Location);
    }

    [Theory]
    [InlineData(Earlier, Earlier)]
    [InlineData(null, null)]
    [InlineData(Earlier, null)]
    [InlineData(null, Later)]
    public void Add_DifferentContentWithoutALatest_BothQuarantinedNamingThePatient(string? first, string? second)
    {
        _assembler.Add(Diagnosis(), "Condition.ndjson:1");
        _assembler.Add(Blasts(30m, first), "Observation.000.ndjson:1");
        _assembler.Add(Blasts(10m, second), "Observation.001.ndjson:1");

        var result = _assembler.Complete();

        Assert.Equal(["Observation.000.ndjson:1", "Observation.001.ndjson:1"], result.Quarantined.Select(q => q.Location));
        Assert.All(result.Quarantined, q => Assert.Equal(("Observation", "blasts-1", "pat-1", false), (q.ResourceType, q.ResourceId, q.PatientId, q.OutsideScreening)));
        Assert.Contains("Observation.001.ndjson:1", result.Quarantined[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Observation.000.ndjson:1", result.Quarantined[1].Reason, StringComparison.Ordinal);
        var patient = Assert.Single(result.Patients);
        Assert.Empty(patient.Record.Labs);
        Assert.Equal(2, patient.Quarantined.Count);
    }

    [Fact]
    public void Add_ConflictThenALaterCopy_TheLaterWinsAndNothingIsQuarantined()
    {
        _assembler.Add(Diagnosis(), "Condition.ndjson:1");
        _assembler.Add(Blasts(30m, Earlier), "a.ndjson:1");
        _assembler.Add(Blasts(20m, Earlier), "b.ndjson:1");
        _assembler.Add(Blasts(10m, Later), "c.ndjson:1");

        var result = _assembler.Complete();

        Assert.Empty(result.Quarantined);
        Assert.Equal(10m, Assert.Single(Assert.Single(result.Patients).Record.Labs).Amount);
        Assert.Equal(["a.ndjson:1", "b.ndjson:1"], result.Warnings.Select(w => w.Location));
    }

    [Fact]
    public void Add_LaterVersionEnteredInError_TheEarlierResultNoLongerCounts()
    {
        _assembler.Add(Diagnosis(), "Condition.ndjson:1");
        _assembler.Add(Blasts(30m, Earlier), "Observation.000.ndjson:1");
        _assembler.Add(Blasts(30m, Later, ObservationStatus.EnteredInError), "Observation.001.ndjson:1");

        var result = _assembler.Complete();

        Assert.Empty(Assert.Single(result.Patients).Record.Labs);
        Assert.Equal("duplicate-superseded", Assert.Single(result.Warnings).Rule);
    }

    [Fact]
    public void Add_LaterVersionWithAnotherCodeReadFirst_TheEarlierRelevantCopyIsNotUsed()
    {
        // The later version no longer says anything the trial reads; it is read first, so only its compact key was kept.
        _assembler.Add(Diagnosis(), "Condition.ndjson:1");
        var recoded = Blasts(30m, Later);
        recoded.Code = Code(Loinc, "8302-2");
        _assembler.Add(recoded, "Observation.000.ndjson:1");
        _assembler.Add(Blasts(30m, Earlier), "Observation.001.ndjson:1");

        var result = _assembler.Complete();

        Assert.Empty(Assert.Single(result.Patients).Record.Labs);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("Observation.001.ndjson:1", "duplicate-superseded"), (warning.Location, warning.Rule));
    }

    [Fact]
    public void Add_IrrelevantCopiesOnly_NotReported()
    {
        var vital = Observation(Loinc, "8302-2", Quantity(60m, "cm"));
        _assembler.Add(vital, "a.ndjson:1");
        vital.Value = Quantity(61m, "cm");
        _assembler.Add(vital, "b.ndjson:1");

        var result = _assembler.Complete();

        Assert.Empty(result.Warnings);
        Assert.Empty(result.Quarantined);
        Assert.Equal(2, result.IrrelevantResources);
    }

    [Fact]
    public void Add_PatientWithLaterBirthDateCorrection_TheLaterPatientIsRead()
    {
        _assembler.Add(Diagnosis(), "Condition.ndjson:1");
        _assembler.Add(WithLastUpdated(Patient("pat-1", "2025-01-01"), Earlier), "Patient.000.ndjson:1");
        _assembler.Add(WithLastUpdated(Patient("pat-1", "2025-02-01"), Later), "Patient.001.ndjson:1");

        var result = _assembler.Complete();

        Assert.Equal(new DateOnly(2025, 2, 1), Assert.Single(result.Patients).Record.BirthDate);
    }

    [Fact]
    public void Add_MedicationCopiesThatConflict_AdministrationQuarantinedSayingWhy()
    {
        _assembler.Add(FhirSamples.Load("Mapping/medicationadministration-blina-reference.json"), "MedicationAdministration.ndjson:1");
        var medication = FhirSamples.Load<Medication>("Mapping/medication-blinatumomab.json");
        _assembler.Add(medication, "Medication.000.ndjson:1");
        medication.Code = Code("http://www.whocc.no/atc", "N02BE01");
        _assembler.Add(medication, "Medication.001.ndjson:1");

        var result = _assembler.Complete();

        Assert.Equal(3, result.Quarantined.Count);
        Assert.Contains(result.Quarantined, q => q.ResourceType == "MedicationAdministration" && q.Reason.Contains("set aside", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDeletion_OfARecordInTheInput_BothQuarantined()
    {
        _assembler.Add(Diagnosis(), "Condition.ndjson:1");
        _assembler.Add(Blasts(30m, Earlier), "Observation.ndjson:1");
        _assembler.AddDeletion("Observation", "blasts-1", "Deleted.ndjson:1 entry 1");

        var result = _assembler.Complete();

        Assert.Equal(["Observation.ndjson:1", "Deleted.ndjson:1 entry 1"], result.Quarantined.Select(q => q.Location));
        Assert.All(result.Quarantined, q => Assert.Equal("pat-1", q.PatientId));
        Assert.Empty(Assert.Single(result.Patients).Record.Labs);
    }

    [Fact]
    public void AddDeletion_OfARecordNotInTheInputOrOfAnotherType_Nothing()
    {
        _assembler.AddDeletion("Observation", "gone", "Deleted.ndjson:1 entry 1");
        _assembler.AddDeletion("Encounter", "e1", "Deleted.ndjson:1 entry 2");
        _assembler.Add(new Encounter { Id = "e1" }, "Encounter.ndjson:1");

        var result = _assembler.Complete();

        Assert.Empty(result.Quarantined);
        Assert.Empty(result.Warnings);
    }

    private static Condition Diagnosis() => Condition(Snomed, "277571004");

    private static Observation Blasts(decimal percent, string? lastUpdated, ObservationStatus status = ObservationStatus.Final) =>
        WithLastUpdated(Observation(LocalLab, "BMBLAST", Quantity(percent, "%"), status, id: "blasts-1"), lastUpdated);

    private static T WithLastUpdated<T>(T resource, string? lastUpdated)
        where T : Resource
    {
        resource.Meta = lastUpdated is null ? null : new Meta { LastUpdated = DateTimeOffset.Parse(lastUpdated, System.Globalization.CultureInfo.InvariantCulture) };
        return resource;
    }
}
