using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>
/// Rate-based dosing (issue 9, item 3): dosage.rateQuantity / rateRatio become an amount per day the course multiplies by
/// the time the administration ran; when a rate cannot become an amount the administration says so (DoseUnreadable and a
/// warning naming the element), so that the course reports its cumulative dose as unknown, never smaller.
/// </summary>
public class DosageShapeTests
{
    private const string WithoutConcentration = "blinatumomab-rate-without-concentration";
    private const string Unreadable = "blinatumomab-rate-unreadable";

    [Fact]
    public void RateMicrogramsPerSquareMetrePerDay_PerSquareMetreRate()
    {
        var a = Fact("Mapping/medicationadministration-blina-rate-ug-per-m2-per-day.json");

        Assert.Equal(new DoseRate(15m, PerSquareMetre: true), a.Rate);
        Assert.Null(a.DoseMicrogramsPerSquareMetre);
    }

    [Theory]
    [InlineData("10", "mL/h", "240")]
    [InlineData("0.6", "mL/h", "14.4")]
    [InlineData("5", "mL/h", "120")]
    public void RateQuantityMillilitresPerHour_ExactMillilitresPerDayDespiteUcumFloatingPoint(string value, string unit, string perDay)
    {
        var a = Assert.Single(MapAs<MappedFacts>(WithDosage(volume: Quantity(1m, "ug/mL"), rate: Quantity(decimal.Parse(value), unit))).Administrations);

        Assert.Equal(decimal.Parse(perDay), a.Rate!.MicrogramsPerDay);
    }

    [Fact]
    public void RateRatioMicrogramsPer24Hours_RatePerDay()
    {
        Assert.Equal(new DoseRate(6m, PerSquareMetre: false), Fact("Mapping/medicationadministration-blina-rate-ratio.json").Rate);
    }

    [Fact]
    public void RateQuantityMicrogramsPerHour_RatePerDay()
    {
        Assert.Equal(new DoseRate(6m, PerSquareMetre: false), Fact("Mapping/medicationadministration-blina-in-progress-open.json").Rate);
    }

    [Fact]
    public void RateRatioDenominatorInSnomed_DoseUnreadableWarningNamingElement()
    {
        var facts = MapAs<MappedFacts>(FhirSamples.Load("Mapping/medicationadministration-blina-rate-ratio-unreadable.json"));

        var a = Assert.Single(facts.Administrations);
        Assert.True(a.DoseUnreadable);
        Assert.Null(a.Rate);
        var warning = Assert.Single(facts.Warnings);
        Assert.Equal(Unreadable, warning.Rule);
        Assert.Contains("dosage.rateRatio", warning.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("258703001", warning.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RateMillilitresPerHourWithoutConcentration_DoseUnreadableAndWarning()
    {
        var facts = MapAs<MappedFacts>(WithDosage(volume: Quantity(240m, "mL"), rate: Quantity(10m, "mL/h")));

        Assert.True(Assert.Single(facts.Administrations).DoseUnreadable);
        Assert.Equal(WithoutConcentration, Assert.Single(facts.Warnings).Rule);
    }

    [Fact]
    public void RateMillilitresPerHourWithDoseAsConcentration_Rate()
    {
        var a = Assert.Single(MapAs<MappedFacts>(WithDosage(volume: Quantity(0.025m, "ug/mL"), rate: Quantity(10m, "mL/h"))).Administrations);

        Assert.Equal(new DoseRate(6m, PerSquareMetre: false), a.Rate);
        Assert.False(a.DoseUnreadable);
    }

    [Theory]
    [InlineData("mg/kg/d")]
    [InlineData("ug/kg/h")]
    [InlineData("[iU]/h")]
    [InlineData("g/kg")]
    public void RateQuantityNotAnAmountPerTime_DoseUnreadableWithoutEchoingUnit(string unit)
    {
        var facts = MapAs<MappedFacts>(WithDosage(volume: null, rate: Quantity(1m, unit)));

        Assert.True(Assert.Single(facts.Administrations).DoseUnreadable);
        var warning = Assert.Single(facts.Warnings);
        Assert.Equal(Unreadable, warning.Rule);
        Assert.DoesNotContain(unit, warning.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RateRange_DoseUnreadable()
    {
        var range = new Hl7.Fhir.Model.Range { Low = Quantity(5m, "ug/d"), High = Quantity(15m, "ug/d") };

        var facts = MapAs<MappedFacts>(WithDosage(volume: null, rate: range));

        Assert.Contains("dosage.rateRange", Assert.Single(facts.Warnings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RateNotInUcum_DoseUnreadable()
    {
        var facts = MapAs<MappedFacts>(WithDosage(volume: null, rate: Quantity(10m, "mL/hr", system: null)));

        Assert.Equal(Unreadable, Assert.Single(facts.Warnings).Rule);
    }

    [Fact]
    public void DoseInMicrogramsAndRate_DoseWinsNoWarning()
    {
        var facts = MapAs<MappedFacts>(WithDosage(volume: Quantity(6m, "ug"), rate: Quantity(10m, "mL/h")));

        var a = Assert.Single(facts.Administrations);
        Assert.Equal(6m, a.DoseMicrograms);
        Assert.Null(a.Rate);
        Assert.Empty(facts.Warnings);
    }

    [Fact]
    public void DoseAsConcentrationWithoutRate_Quarantined()
    {
        var q = MapAs<QuarantinedResource>(WithDosage(volume: Quantity(0.025m, "ug/mL"), rate: null));

        Assert.Contains("dosage.dose", q.Reason, StringComparison.Ordinal);
        Assert.True(q.CouldScreen);
    }

    [Fact]
    public void InductionDrugWithUnreadableRate_NoWarningDoseIrrelevant()
    {
        var administration = WithDosage(volume: null, rate: Quantity(1m, "mg/kg/d"));
        administration.Medication = Code("http://www.whocc.no/atc", "H02AB07");

        var facts = MapAs<MappedFacts>(administration);

        Assert.Empty(facts.Warnings);
        Assert.False(Assert.Single(facts.Administrations).DoseUnreadable);
    }

    [Fact]
    public void ReferencedMedicationWithStrength_RateFromVolumeOnResolution()
    {
        var assembler = new PatientRecordAssembler(Mapper);
        assembler.Add(FhirSamples.Load("Mapping/medicationadministration-blina-rate-ml-per-hour.json"), "a.ndjson:1");
        assembler.Add(FhirSamples.Load("Mapping/medication-blinatumomab-formulary-ingredient.json"), "m.ndjson:1");

        var result = assembler.Complete();

        var a = Assert.Single(Assert.Single(result.Patients).Record.Administrations);
        Assert.Equal(new DoseRate(6m, PerSquareMetre: false), a.Rate);
        Assert.Null(a.DoseMicrograms); // the 240 mL bag volume is not an amount of drug
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ReferencedMedicationWithoutStrength_WarningOnResolutionWithFileAndPatient()
    {
        var assembler = new PatientRecordAssembler(Mapper);
        assembler.Add(FhirSamples.Load("Mapping/medicationadministration-blina-rate-ml-per-hour.json"), "a.ndjson:7");
        assembler.Add(new Medication { Id = "med-blina-formulary", Code = Code("http://www.nlm.nih.gov/research/umls/rxnorm", "1597267") }, "m.ndjson:1");

        var result = assembler.Complete();

        Assert.True(Assert.Single(Assert.Single(result.Patients).Record.Administrations).DoseUnreadable);
        var w = Assert.Single(result.Warnings);
        Assert.Equal(("a.ndjson:7", "ma-blina-ml-h", "pat-1", WithoutConcentration), (w.Location, w.ResourceId, w.PatientId, w.Rule));
    }

    [Fact]
    public void EffectiveDateTimeBag_StartWithoutEnd()
    {
        var a = Fact("Mapping/medicationadministration-blina-effective-datetime.json");

        Assert.Equal(new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.FromHours(1)), a.Start);
        Assert.Null(a.End);
        Assert.Equal(6m, a.DoseMicrograms);
    }

    [Fact]
    public void InProgressOpenPeriod_StartWithoutEnd()
    {
        var a = Fact("Mapping/medicationadministration-blina-in-progress-open.json");

        Assert.Equal(AdministrationStatus.InProgress, a.Status);
        Assert.Null(a.End);
    }

    private static DrugAdministration Fact(string sample)
    {
        var facts = MapAs<MappedFacts>(FhirSamples.Load(sample));
        Assert.Empty(facts.Warnings);
        return Assert.Single(facts.Administrations);
    }

    private static MedicationAdministration WithDosage(Quantity? volume, DataType? rate)
    {
        var administration = Administration(Blinatumomab);
        administration.Dosage = new MedicationAdministration.DosageComponent { Dose = volume, Rate = rate };
        return administration;
    }
}
