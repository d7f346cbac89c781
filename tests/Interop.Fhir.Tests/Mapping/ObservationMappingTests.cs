using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

public class ObservationMappingTests
{
    [Fact]
    public void Map_Kmt2aByFish_PresentIsPositive()
    {
        var facts = MapAs<MappedFacts>(FhirSamples.Load("Mapping/observation-kmt2a-fish.json"));

        var lab = Assert.Single(facts.Labs);
        Assert.Equal("pat-1", facts.PatientId);
        Assert.Equal(LabKind.Kmt2a, lab.Kind);
        Assert.Equal(Finding.Positive, lab.Finding);
        Assert.Null(lab.Amount);
        Assert.Equal(new DateOnly(2023, 9, 2), lab.Date);
        Assert.Equal(new EvidenceRef("Observation", "obs-kmt2a-fish"), lab.Evidence);
    }

    [Theory]
    [InlineData("http://www.genenames.org/geneId")]
    [InlineData("http://www.genenames.org")]
    public void Map_Kmt2aGenomicsVariant_EitherGeneSystem_Kmt2aFact(string geneSystem)
    {
        var observation = FhirSamples.Load<Observation>("Mapping/observation-kmt2a-variant.json");
        observation.Component[0].Value = new CodeableConcept(geneSystem, "HGNC:7132");

        var lab = Lab(observation);

        Assert.Equal(LabKind.Kmt2a, lab.Kind);
        Assert.Equal(Finding.Positive, lab.Finding);
        Assert.Equal(new DateOnly(2023, 9, 4), lab.Date);
    }

    [Fact]
    public void Map_GenomicsVariantAbsent_Negative()
    {
        var observation = FhirSamples.Load<Observation>("Mapping/observation-kmt2a-variant.json");
        observation.Value = new CodeableConcept(Loinc, "LA9634-2");

        Assert.Equal(Finding.Negative, Lab(observation).Finding);
    }

    [Fact]
    public void Map_GenomicsVariantOfOtherGene_Irrelevant()
    {
        var observation = FhirSamples.Load<Observation>("Mapping/observation-kmt2a-variant.json");
        observation.Component.RemoveAt(0); // only AFF1 left

        Assert.IsType<IrrelevantResource>(Map(observation));
    }

    [Fact]
    public void Map_MrdPercent_ConvertedToFraction()
    {
        var lab = Lab(FhirSamples.Load("Mapping/observation-mrd-percent.json"));

        Assert.Equal(LabKind.Mrd, lab.Kind);
        Assert.Equal(AssayMethod.Pcr, lab.Method);
        Assert.Equal(0.0001m, lab.Amount);
        Assert.Equal(Comparator.None, lab.Comparator);
        Assert.Null(lab.Finding);
        Assert.Equal(new DateOnly(2024, 3, 31), lab.Date);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.FromHours(2)), lab.At);
        Assert.Equal("1", lab.Evidence.VersionId);
    }

    [Fact]
    public void Map_MrdFractionWithLessThan_ComparatorKept()
    {
        var lab = Lab(FhirSamples.Load("Mapping/observation-mrd-less-than.json"));

        Assert.Equal(AssayMethod.Flow, lab.Method);
        Assert.Equal(0.0001m, lab.Amount);
        Assert.Equal(Comparator.LessThan, lab.Comparator);
    }

    [Theory]
    [InlineData(LocalLab, "MRDNEG", Finding.Negative)]
    [InlineData(LocalLab, "POSNQ", Finding.PositiveNotQuantifiable)]
    [InlineData(LocalLab, "NEVAL", Finding.NotEvaluable)]
    [InlineData(Snomed, "260385009", Finding.Negative)]
    public void Map_MrdCoded_Finding(string system, string code, Finding expected)
    {
        var lab = Lab(Observation(LocalLab, "MRDPCR", new CodeableConcept(system, code)));

        Assert.Equal(expected, lab.Finding);
        Assert.Null(lab.Amount);
    }

    [Fact]
    public void Map_MrdMethodUnstatedInInputSystem_Unstated()
    {
        var lab = Lab(Observation("https://fhir.blinfant-interop.org/CodeSystem/blinfant-input", "mrd", Quantity(0.002m, "1")));

        Assert.Equal(AssayMethod.Unstated, lab.Method);
        Assert.Equal(0.002m, lab.Amount);
    }

    [Fact]
    public void Map_Cd19Coded_Positive()
    {
        var lab = Lab(Observation(LocalLab, "CD19BL", new CodeableConcept(Snomed, "10828004")));

        Assert.Equal(LabKind.Cd19, lab.Kind);
        Assert.Equal(Finding.Positive, lab.Finding);
    }

    [Theory]
    [InlineData("85", "%", "85")]
    [InlineData("0.85", "1", "85")]
    public void Map_Cd19Percent_InPercent(string value, string unit, string expected)
    {
        var lab = Lab(Observation(LocalLab, "CD19BL", Quantity(decimal.Parse(value), unit)));

        Assert.Equal(decimal.Parse(expected), lab.Amount);
    }

    [Fact]
    public void Map_MarrowBlastsPercent_Percent()
    {
        var lab = Lab(Observation(LocalLab, "BMBLAST", Quantity(4.5m, "%")));

        Assert.Equal(LabKind.MarrowBlastsPercent, lab.Kind);
        Assert.Equal(4.5m, lab.Amount);
    }

    [Fact]
    public void Map_WbcIn10e3PerMicrolitre_SameNumberIn10e9PerLitre()
    {
        var lab = Lab(FhirSamples.Load("Mapping/observation-wbc-10e3-per-ul.json"));

        Assert.Equal(LabKind.WhiteCellCount, lab.Kind);
        Assert.Equal(312.5m, lab.Amount);
    }

    [Fact]
    public void Map_EffectiveWithoutZone_TakenInSiteZone()
    {
        // Strict JSON parsing rejects this literal, but a lenient source or a builder can still produce it.
        var lab = Lab(Observation(Loinc, "6690-2", Quantity(3m, "10*9/L"), effective: "2023-09-01T09:15:00"));

        Assert.Equal(new DateTimeOffset(2023, 9, 1, 9, 15, 0, TimeSpan.FromHours(2)), lab.At);
        Assert.Equal(new DateOnly(2023, 9, 1), lab.Date);
    }

    [Fact]
    public void Map_WbcIn10e9PerLitre_Unchanged()
    {
        Assert.Equal(25m, Lab(Observation(Loinc, "26464-8", Quantity(25m, "10*9/L"))).Amount);
    }

    [Theory]
    [InlineData(Loinc, "30376-8", "1.2", "10*9/L", LabKind.PeripheralBloodBlasts, "1200")]
    [InlineData(Loinc, "35068-6", "6", "/uL", LabKind.CsfBlasts, "6")]
    [InlineData(LocalLab, "CSFWBC", "8", "/uL", LabKind.CsfWhiteCells, "8")]
    [InlineData(Loinc, "8277-6", "0.31", "m2", LabKind.BodySurfaceArea, "0.31")]
    [InlineData(Snomed, "301898006", "3100", "cm2", LabKind.BodySurfaceArea, "0.31")]
    public void Map_CountsAndBsa_CanonicalUnits(string system, string code, string value, string unit, LabKind kind, string expected)
    {
        var lab = Lab(Observation(system, code, Quantity(decimal.Parse(value), unit)));

        Assert.Equal(kind, lab.Kind);
        Assert.Equal(decimal.Parse(expected), lab.Amount);
    }

    [Fact]
    public void Map_MrdInMilligrams_QuarantinedNamingElementAndKindNotTheUnit()
    {
        var q = MapAs<QuarantinedResource>(FhirSamples.Load("Mapping/observation-mrd-mg.json"));

        Assert.Equal("pat-1", q.PatientId);
        Assert.Contains("valueQuantity.code", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("mg", q.Reason, StringComparison.Ordinal); // the sender's unit text is never repeated
        Assert.Contains("mrd-pcr", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("3", q.Reason, StringComparison.Ordinal); // the value is never in the reason
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://example.org/local-units")]
    public void Map_QuantityNotInUcum_Quarantined(string? system)
    {
        var q = MapAs<QuarantinedResource>(Observation(Loinc, "6690-2", Quantity(12m, "10*9/L", system)));

        Assert.Contains("unit not coded in UCUM", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnmappableCodedValue_Quarantined()
    {
        var q = MapAs<QuarantinedResource>(Observation(LocalLab, "MRDPCR", new CodeableConcept(LocalLab, "WHATEVER")));

        Assert.Contains("no answer concept", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ValueMissing_Quarantined()
    {
        var q = MapAs<QuarantinedResource>(Observation(LocalLab, "BMBLAST", null));

        Assert.Contains("value[x] is missing", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_WbcCoded_Quarantined()
    {
        var q = MapAs<QuarantinedResource>(Observation(Loinc, "6690-2", new CodeableConcept(Snomed, "10828004")));

        Assert.Contains("a Quantity is required", q.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ObservationStatus.Final, ResultStatus.Final)]
    [InlineData(ObservationStatus.Amended, ResultStatus.Final)]
    [InlineData(ObservationStatus.Corrected, ResultStatus.Final)]
    [InlineData(ObservationStatus.Preliminary, ResultStatus.Preliminary)]
    public void Map_Status_Mapped(ObservationStatus status, ResultStatus expected)
    {
        Assert.Equal(expected, Lab(Observation(LocalLab, "BMBLAST", Quantity(3m, "%"), status)).Status);
    }

    [Theory]
    [InlineData(ObservationStatus.EnteredInError)]
    [InlineData(ObservationStatus.Cancelled)]
    [InlineData(ObservationStatus.Registered)]
    [InlineData(ObservationStatus.Unknown)]
    public void Map_StatusThatNeverCounts_Dropped(ObservationStatus status)
    {
        // Even a value that would be quarantined: the record never counts.
        MapAs<DroppedResource>(Observation(LocalLab, "MRDPCR", Quantity(3m, "mg"), status));
    }

    [Fact]
    public void Map_NoEffective_FallsBackToIssued()
    {
        var observation = Observation(LocalLab, "BMBLAST", Quantity(3m, "%"));
        observation.Effective = null;
        observation.IssuedElement = new Instant(new DateTimeOffset(2024, 1, 11, 7, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateOnly(2024, 1, 11), Lab(observation).Date);
    }

    [Fact]
    public void Map_NoDate_Quarantined()
    {
        var observation = Observation(LocalLab, "BMBLAST", Quantity(3m, "%"));
        observation.Effective = null;

        Assert.Contains("no full date", MapAs<QuarantinedResource>(observation).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_NoSubject_QuarantinedUnattributed()
    {
        var observation = Observation(LocalLab, "BMBLAST", Quantity(3m, "%"));
        observation.Subject = new ResourceReference("Group/g1");

        var q = MapAs<QuarantinedResource>(observation);

        Assert.Null(q.PatientId);
        Assert.Contains("subject", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnknownCode_Irrelevant()
    {
        Assert.IsType<IrrelevantResource>(Map(Observation(Loinc, "8302-2", Quantity(60m, "cm"))));
    }
}
