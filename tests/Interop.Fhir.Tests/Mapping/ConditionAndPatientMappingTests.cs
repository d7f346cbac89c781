using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

public class ConditionAndPatientMappingTests
{
    [Fact]
    public void Map_BcpAllCondition_Diagnosis()
    {
        var facts = MapAs<MappedFacts>(FhirSamples.Load("Mapping/condition-bcp-all.json"));

        var diagnosis = Assert.Single(facts.Diagnoses);
        Assert.Equal("pat-1", facts.PatientId);
        Assert.Equal(DiagnosisKind.BPrecursorAll, diagnosis.Kind);
        Assert.False(diagnosis.IsRelapse);
        Assert.Equal(new DateOnly(2023, 9, 1), diagnosis.Onset); // written date, not shifted by the offset
        Assert.Equal(new DateOnly(2023, 9, 3), diagnosis.Recorded);
        Assert.Equal(new EvidenceRef("Condition", "cond-1", "2"), diagnosis.Evidence);
    }

    [Fact]
    public void Map_Icd10CmInRelapse_RelapseWithOnsetPeriod()
    {
        var diagnosis = Assert.Single(MapAs<MappedFacts>(FhirSamples.Load("Mapping/condition-relapse-icd10cm.json")).Diagnoses);

        Assert.Equal(DiagnosisKind.AllUnspecifiedLineage, diagnosis.Kind);
        Assert.True(diagnosis.IsRelapse);
        Assert.Equal(new DateOnly(2024, 6, 10), diagnosis.Onset);
    }

    [Theory]
    [InlineData("relapse")]
    [InlineData("recurrence")]
    public void Map_ClinicalStatusRelapse_IsRelapse(string status)
    {
        var condition = Condition("http://hl7.org/fhir/sid/icd-10", "C91.0");
        condition.ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", status);

        Assert.True(Assert.Single(MapAs<MappedFacts>(condition).Diagnoses).IsRelapse);
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("refuted")]
    public void Map_RetractedCondition_Dropped(string verification)
    {
        var condition = Condition(Snomed, "277571004");
        condition.VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification);

        MapAs<DroppedResource>(condition);
    }

    [Fact]
    public void Map_ConditionWithoutSubject_Quarantined()
    {
        var condition = Condition(Snomed, "277571004");
        condition.Subject = null!;

        Assert.Contains("Condition.subject", MapAs<QuarantinedResource>(condition).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_SiteOverride_UnspecifiedLineageCodeReadAsBcp()
    {
        // The sample site map overrides SNOMED 91857003 to bcp-all.
        var diagnosis = Assert.Single(MapAs<MappedFacts>(Condition(Snomed, "91857003")).Diagnoses);

        Assert.Equal(DiagnosisKind.BPrecursorAll, diagnosis.Kind);
    }

    [Fact]
    public void Map_OtherCondition_Irrelevant()
    {
        Assert.IsType<IrrelevantResource>(Map(Condition(Snomed, "38341003")));
    }

    [Fact]
    public void Map_Patient_BirthDeathAndLinks()
    {
        var info = MapAs<PatientInfo>(FhirSamples.Load("Mapping/patient-survivor.json"));

        Assert.Equal("pat-new", info.PatientId);
        Assert.Equal(new DateOnly(2023, 5, 14), info.BirthDate);
        Assert.Equal(new DateOnly(2025, 1, 2), info.Death!.Date);
        Assert.Equal(new EvidenceRef("Patient", "pat-new", "3"), info.Evidence);
        Assert.Equal([new PatientLink("pat-old", PatientLinkKind.Replaces)], info.Links);
    }

    [Fact]
    public void Map_PartialBirthDateAndDeceasedBoolean_NullDates()
    {
        var info = MapAs<PatientInfo>(FhirSamples.Load("Mapping/patient-partial-birthdate.json"));

        Assert.Null(info.BirthDate);
        Assert.NotNull(info.Death);
        Assert.Null(info.Death.Date);
    }

    [Fact]
    public void Map_DeceasedFalse_NoDeath()
    {
        var patient = Patient("p");
        patient.Deceased = new FhirBoolean(false);

        Assert.Null(MapAs<PatientInfo>(patient).Death);
    }
}
