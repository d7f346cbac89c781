using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;
using Status = Hl7.Fhir.Model.MedicationAdministration.MedicationAdministrationStatusCodes;

namespace Interop.Fhir.Tests.Mapping;

public class AdministrationMappingTests
{
    [Fact]
    public void Map_BlinatumomabByAtc_FactWithPeriod()
    {
        var facts = MapAs<MappedFacts>(Administration(Blinatumomab, dose: Quantity(15m, "ug/m2")));

        var a = Assert.Single(facts.Administrations);
        Assert.Equal(DrugClass.Blinatumomab, a.Drug);
        Assert.Equal(AdministrationStatus.Completed, a.Status);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.FromHours(1)), a.Start);
        Assert.Equal(new DateTimeOffset(2024, 2, 2, 8, 0, 0, TimeSpan.FromHours(1)), a.End);
        Assert.Equal(new DateOnly(2024, 2, 1), a.StartDate);
        Assert.Null(a.DoseMicrograms);
        Assert.Equal(15m, a.DoseMicrogramsPerSquareMetre);
        Assert.False(a.StoppedForAdverseReaction);
    }

    [Fact]
    public void Map_DoseInMilligrams_Micrograms()
    {
        var a = Assert.Single(MapAs<MappedFacts>(Administration(Blinatumomab, dose: Quantity(0.105m, "mg"))).Administrations);

        Assert.Equal(105m, a.DoseMicrograms);
        Assert.Null(a.DoseMicrogramsPerSquareMetre);
    }

    [Fact]
    public void Map_DoseInMillilitres_QuarantinedNamingTheElementNotTheUnit()
    {
        var q = MapAs<QuarantinedResource>(Administration(Blinatumomab, dose: Quantity(10m, "mL")));

        Assert.Contains("dosage.dose", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("mL", q.Reason, StringComparison.Ordinal); // the sender's unit text is never repeated
        Assert.Equal("pat-1", q.PatientId);
    }

    [Fact]
    public void Map_NoDose_BothNull()
    {
        var a = Assert.Single(MapAs<MappedFacts>(Administration(Blinatumomab)).Administrations);

        Assert.Null(a.DoseMicrograms);
        Assert.Null(a.DoseMicrogramsPerSquareMetre);
    }

    [Fact]
    public void Map_ContainedPrednisoneMgPerM2_InductionDrug()
    {
        var a = Assert.Single(MapAs<MappedFacts>(FhirSamples.Load("Mapping/medicationadministration-prednisone-contained.json")).Administrations);

        Assert.Equal(DrugClass.InductionDrug, a.Drug);
        Assert.Equal(60000m, a.DoseMicrogramsPerSquareMetre);
        Assert.Null(a.End);
        Assert.Equal(new DateTimeOffset(2023, 9, 2, 0, 0, 0, TimeSpan.FromHours(2)), a.Start);
    }

    [Fact]
    public void Map_StoppedForAdverseReaction_Flagged()
    {
        var administration = Administration(Blinatumomab, status: Status.Stopped);
        administration.StatusReason.Add(new CodeableConcept(Snomed, "281647001"));

        var a = Assert.Single(MapAs<MappedFacts>(administration).Administrations);

        Assert.Equal(AdministrationStatus.Stopped, a.Status);
        Assert.True(a.StoppedForAdverseReaction);
    }

    [Fact]
    public void Map_EnteredInError_Dropped()
    {
        MapAs<DroppedResource>(Administration(Blinatumomab, status: Status.EnteredInError));
    }

    [Fact]
    public void Map_OtherDrug_Irrelevant()
    {
        Assert.IsType<IrrelevantResource>(Map(Administration(Code("http://www.whocc.no/atc", "N02BE01"))));
    }

    [Fact]
    public void Map_ReferenceToMedicationResource_Awaits()
    {
        var awaiting = MapAs<AwaitingMedication>(FhirSamples.Load("Mapping/medicationadministration-blina-reference.json"));

        Assert.Equal("med-blina", awaiting.MedicationId);
        Assert.Equal("pat-1", awaiting.PatientId);
        Assert.NotNull(awaiting.Administration);
        Assert.True(awaiting.Administration.StoppedForAdverseReaction);
        Assert.Equal(105m, awaiting.Administration.DoseMicrograms);
    }

    [Fact]
    public void Map_Medication_DrugClass()
    {
        var info = MapAs<MedicationInfo>(FhirSamples.Load("Mapping/medication-blinatumomab.json"));

        Assert.Equal(("med-blina", DrugClass.Blinatumomab), (info.MedicationId, info.Drug));
        Assert.Empty(info.IngredientReferences);
    }
}
