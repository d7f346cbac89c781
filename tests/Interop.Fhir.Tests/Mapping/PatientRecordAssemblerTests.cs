using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

public class PatientRecordAssemblerTests
{
    private readonly PatientRecordAssembler _assembler = new(Mapper);

    [Fact]
    public void Complete_ReplacedByChain_FactsFoldedUnderSurvivor()
    {
        // a replaced-by b, b replaced-by c; c also says it replaces b.
        Add(Patient("a", "2023-05-14", ("b", Hl7.Fhir.Model.Patient.LinkType.ReplacedBy)));
        Add(Patient("b", null, ("c", Hl7.Fhir.Model.Patient.LinkType.ReplacedBy)));
        Add(Patient("c", null, ("b", Hl7.Fhir.Model.Patient.LinkType.Replaces)));
        Add(Condition(Snomed, "277571004", subject: "Patient/a"));
        Add(Observation(Loinc, "6690-2", Quantity(8m, "10*9/L"), id: "obs-b")); // subject pat-1: another person, not screened
        var labForB = Observation(LocalLab, "BMBLAST", Quantity(4m, "%"), id: "obs-for-b");
        labForB.Subject = new ResourceReference("Patient/b");
        Add(labForB);

        var result = _assembler.Complete();

        var person = Assert.Single(result.Patients).Record;
        Assert.Equal("c", person.PatientId);
        Assert.Equal(new DateOnly(2023, 5, 14), person.BirthDate); // from a merged record: the survivor has none
        Assert.Equal(["a", "b", "c"], person.PatientEvidence.Select(e => e.Id));
        Assert.Single(person.Diagnoses);
        Assert.Equal("obs-for-b", Assert.Single(person.Labs).Evidence.Id);
        Assert.Equal(2, result.PatientsSeen); // {a,b,c} and pat-1
    }

    [Fact]
    public void Complete_SurvivorBirthDate_Preferred()
    {
        Add(Patient("old", "2023-01-01", ("new", Hl7.Fhir.Model.Patient.LinkType.ReplacedBy)));
        Add(Patient("new", "2023-01-02"));
        Add(Condition(Snomed, "277571004", subject: "Patient/old"));

        var person = Assert.Single(_assembler.Complete().Patients).Record;

        Assert.Equal("new", person.PatientId);
        Assert.Equal(new DateOnly(2023, 1, 2), person.BirthDate);
    }

    [Fact]
    public void Complete_MedicationReadAfterAdministration_Resolved()
    {
        Add(FhirSamples.Load("Mapping/medicationadministration-blina-reference.json"));
        Add(FhirSamples.Load("Mapping/medication-blinatumomab.json"));

        var result = _assembler.Complete();

        var record = Assert.Single(result.Patients).Record;
        var a = Assert.Single(record.Administrations);
        Assert.Equal(DrugClass.Blinatumomab, a.Drug);
        Assert.True(a.StoppedForAdverseReaction);
        Assert.Equal(new EvidenceRef("MedicationAdministration", "ma-blina-1", "4"), a.Evidence);
        Assert.Empty(record.PatientEvidence); // no Patient resource: facts are still kept
        Assert.Null(record.BirthDate);
        Assert.Equal(0, result.IrrelevantResources);
    }

    [Fact]
    public void Complete_ReferenceToNonTrialMedication_Irrelevant()
    {
        var administration = Administration(new ResourceReference("Medication/paracetamol"));
        Add(administration);
        Add(new Medication { Id = "paracetamol", Code = Code("http://www.whocc.no/atc", "N02BE01") });

        var result = _assembler.Complete();

        Assert.Empty(result.Patients);
        Assert.Empty(result.Quarantined);
        Assert.Equal(2, result.IrrelevantResources);
        Assert.Equal(2, result.ResourcesRead);
    }

    [Fact]
    public void Complete_ReferenceToMissingMedication_Quarantined()
    {
        Add(Administration(new ResourceReference("Medication/nowhere")));

        var entry = Assert.Single(_assembler.Complete().Quarantined);

        Assert.Equal("pat-1", entry.PatientId);
        Assert.Contains("not in the input", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_QuarantinedRecordOfScreenedPerson_InBothListsUnderSurvivor()
    {
        Add(Patient("old", null, ("pat-1", Hl7.Fhir.Model.Patient.LinkType.ReplacedBy)));
        Add(Condition(Snomed, "277571004"));
        _assembler.AddUnattributed(new QuarantineEntry("Observation.ndjson:3", null, null, null, "not valid JSON"));
        var bad = FhirSamples.Load<Observation>("Mapping/observation-mrd-mg.json");
        bad.Subject = new ResourceReference("Patient/old");
        _assembler.Add(bad, "Observation.ndjson:4");

        var result = _assembler.Complete();

        Assert.Equal(2, result.Quarantined.Count);
        Assert.Equal("Observation.ndjson:3", result.Quarantined[0].Location);
        var attributed = result.Quarantined[1];
        Assert.Equal(new QuarantineEntry("Observation.ndjson:4", "Observation", "obs-mrd-mg", "pat-1", attributed.Reason), attributed);
        var set = Assert.Single(result.Patients);
        Assert.Equal([attributed], set.Quarantined);
    }

    [Fact]
    public void Complete_InductionOnlyOrLabsOnly_NotScreened()
    {
        Add(Patient("pat-1"));
        Add(Administration(Code("http://www.whocc.no/atc", "H02AB07")));
        Add(Observation(Loinc, "6690-2", Quantity(12m, "10*9/L")));

        var result = _assembler.Complete();

        Assert.Empty(result.Patients);
        Assert.Equal(1, result.PatientsSeen);
    }

    [Theory]
    [InlineData("BMBLAST", 3)]
    [InlineData("MRDPCR", 0.0004)]
    [InlineData("CD19BL", 90)]
    public void Complete_TrialSpecificResultWithoutDiagnosis_Screened(string localCode, double value)
    {
        Add(Patient("pat-1"));
        Add(Observation(LocalLab, localCode, Quantity((decimal)value, localCode == "MRDPCR" ? "1" : "%")));

        var person = Assert.Single(_assembler.Complete().Patients).Record;

        Assert.Empty(person.Diagnoses);
        Assert.Single(person.Labs);
    }

    [Fact]
    public void Complete_Kmt2aPointMutationOnly_NotScreened()
    {
        Add(Patient("pat-1"));
        Add(FhirSamples.Load("Mapping/observation-kmt2a-variant-snv.json"));

        Assert.Empty(_assembler.Complete().Patients);
    }

    [Fact]
    public void Complete_Kmt2aFusionOnly_ScreenedWithPartner()
    {
        Add(Patient("pat-1"));
        Add(FhirSamples.Load("Mapping/observation-kmt2a-variant-fusion-text.json"));

        var lab = Assert.Single(Assert.Single(_assembler.Complete().Patients).Record.Labs);

        Assert.Equal("AFF1", lab.Kmt2aVariant?.PartnerGene);
    }

    [Fact]
    public void Complete_ReportResultInTextOnly_WarningForThePatient()
    {
        Add(Condition(Snomed, "277571004"));
        Add(FhirSamples.Load("Mapping/diagnosticreport-mrd-conclusion-only.json"));

        var result = _assembler.Complete();

        var warning = Assert.Single(Assert.Single(result.Patients).Warnings);
        Assert.Equal(("DiagnosticReport", "dr-mrd-text", "pat-1", DiagnosticReportMapper.ResultInTextOnlyRule), (warning.ResourceType, warning.ResourceId, warning.PatientId, warning.Rule));
        Assert.Empty(result.Quarantined);
    }

    [Fact]
    public void Complete_UnreadableCountOfUnscreenedPatient_OutsideScreening()
    {
        Add(Observation(Loinc, "6690-2", Quantity(7m, "K/uL")));

        var result = _assembler.Complete();

        var entry = Assert.Single(result.Quarantined);
        Assert.True(entry.OutsideScreening);
        Assert.False(result.HasQuarantineAffectingOutcomes);
        Assert.Empty(result.Patients);
    }

    [Fact]
    public void Complete_UnreadableCountOfScreenedPatient_CountsAndWithholds()
    {
        Add(Condition(Snomed, "277571004"));
        Add(Observation(Loinc, "6690-2", Quantity(7m, "K/uL")));

        var result = _assembler.Complete();

        var entry = Assert.Single(result.Quarantined);
        Assert.False(entry.OutsideScreening);
        Assert.True(result.HasQuarantineAffectingOutcomes);
        Assert.Equal([entry], Assert.Single(result.Patients).Quarantined);
    }

    [Fact]
    public void Complete_UnreadableScreeningResultOfUnscreenedPatient_Counts()
    {
        // A marrow result could have screened the patient had it been readable: its loss can change who is evaluated.
        Add(Observation(LocalLab, "BMBLAST", Quantity(30m, "K/uL")));

        var entry = Assert.Single(_assembler.Complete().Quarantined);

        Assert.False(entry.OutsideScreening);
    }

    [Fact]
    public void Complete_DroppedAndIrrelevant_Counted()
    {
        Add(Condition(Snomed, "277571004"));
        Add(Observation(LocalLab, "BMBLAST", Quantity(3m, "%"), ObservationStatus.EnteredInError));
        Add(new Encounter { Id = "e1" });

        var result = _assembler.Complete();

        Assert.Equal(3, result.ResourcesRead);
        Assert.Equal(1, result.IrrelevantResources);
        Assert.Empty(result.Quarantined);
        Assert.Empty(Assert.Single(result.Patients).Record.Labs);
    }

    [Fact]
    public void Complete_SeveralPatients_SortedOrdinalWithSortedFacts()
    {
        Add(Condition(Snomed, "277571004", id: "c-b", subject: "Patient/b"));
        Add(Condition(Snomed, "277571004", id: "c-B", subject: "Patient/B"));
        Add(Observation(LocalLab, "BMBLAST", Quantity(3m, "%"), id: "late", effective: "2024-02-01"));
        Add(Observation(LocalLab, "BMBLAST", Quantity(3m, "%"), id: "early", effective: "2024-01-01"));
        Add(Condition(Snomed, "277571004", id: "c-1"));

        var result = _assembler.Complete();

        Assert.Equal(["B", "b", "pat-1"], result.Patients.Select(p => p.Record.PatientId));
        Assert.Equal(["early", "late"], result.Patients[2].Record.Labs.Select(l => l.Evidence.Id));
    }

    private void Add(Resource resource) => _assembler.Add(resource, "test.ndjson:1");
}
