using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>KMT2A from Genomics Reporting variants (LOINC 69548-6): a rearrangement only when the record says so.</summary>
public class Kmt2aVariantMappingTests
{
    private const string Hgnc = "http://www.genenames.org";
    private const string SequenceOntology = "http://sequenceontology.org";

    [Fact]
    public void Map_McodeTranslocationWithPartnerGene_RearrangedWithPartner()
    {
        var lab = Lab(FhirSamples.Load("Mapping/observation-kmt2a-variant-translocation.json"));

        Assert.Equal(LabKind.Kmt2a, lab.Kind);
        Assert.Equal(Finding.Positive, lab.Finding);
        Assert.Equal(new Kmt2aVariant(Kmt2aVariantKind.Rearrangement, "MLLT1"), lab.Kmt2aVariant);
        Assert.True(lab.IsKmt2aRearrangementResult);
    }

    [Fact]
    public void Map_GenomicsReportingFusionTextSingleGene_RearrangedPartnerFromTable()
    {
        var lab = Lab(FhirSamples.Load("Mapping/observation-kmt2a-variant-fusion-text.json"));

        Assert.Equal(new Kmt2aVariant(Kmt2aVariantKind.Rearrangement, "AFF1"), lab.Kmt2aVariant);
    }

    [Theory]
    [InlineData("MLL-AF4", "AFF1")]
    [InlineData("KMT2A/MLLT3 fusion transcript", "MLLT3")]
    [InlineData("NM_005933.4(KMT2A):r.-?_4283::NM_004529.4(MLLT3):r.1426_*?", "MLLT3")]
    [InlineData("KMT2A rearrangement", null)]
    [InlineData("46,XX,t(4;11)(q21;q23)", null)]
    [InlineData("t(11;19)(q23;p13.3)", null)]
    public void Map_VariantDescriptionOfFusion_Rearranged(string description, string? partner)
    {
        var observation = SingleGeneVariant();
        observation.Component.Add(Component("81291-7", new CodeableConcept { Text = description }));

        var lab = Lab(observation);

        Assert.Equal(new Kmt2aVariant(Kmt2aVariantKind.Rearrangement, partner), lab.Kmt2aVariant);
    }

    [Theory]
    [InlineData("SO:0001565")]
    [InlineData("SO:0001886")]
    [InlineData("SO:0000199")]
    public void Map_MolecularConsequenceComponentFusion_Rearranged(string soCode)
    {
        var observation = SingleGeneVariant();
        observation.Component.Add(new Observation.ComponentComponent
        {
            Code = new CodeableConcept("http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs", "molecular-consequence"),
            Value = new CodeableConcept(SequenceOntology, soCode),
        });

        Assert.Equal(Kmt2aVariantKind.Rearrangement, Lab(observation).Kmt2aVariant!.Kind);
    }

    [Theory]
    [InlineData("KMT2A", "MLLT10", "MLLT10")]
    [InlineData("MLL", "AF9", "MLLT3")]
    [InlineData("7132", "16063", "MLLT10")]
    [InlineData("HGNC:7132", "HGNC:7137", "AFDN")]
    [InlineData("HGNC:7132", "HGNC:99999", null)]
    public void Map_GeneStudiedBySymbolOrId_PartnerFromTable(string kmt2aCode, string partnerCode, string? expected)
    {
        var observation = SingleGeneVariant(kmt2aCode);
        observation.Component.Add(Component("48018-6", new CodeableConcept(Hgnc, partnerCode)));

        Assert.Equal(new Kmt2aVariant(Kmt2aVariantKind.Rearrangement, expected), Lab(observation).Kmt2aVariant);
    }

    [Fact]
    public void Map_PointMutationInKmt2a_OtherVariantNotRearrangement()
    {
        var lab = Lab(FhirSamples.Load("Mapping/observation-kmt2a-variant-snv.json"));

        Assert.Equal(Finding.Positive, lab.Finding);
        Assert.Equal(Kmt2aVariantKind.OtherVariant, lab.Kmt2aVariant!.Kind);
        Assert.False(lab.IsKmt2aRearrangementResult);
    }

    [Theory]
    [InlineData("SO:1000035")] // duplication (a partial tandem duplication is no rearrangement)
    [InlineData("SO:0000159")] // deletion
    public void Map_OtherChangeTypeWithoutPartner_OtherVariant(string soCode)
    {
        var observation = SingleGeneVariant();
        observation.Component.Add(Component("48019-4", new CodeableConcept(SequenceOntology, soCode)));

        Assert.Equal(Kmt2aVariantKind.OtherVariant, Lab(observation).Kmt2aVariant!.Kind);
    }

    [Fact]
    public void Map_GermlineSourceVariant_GermlineVariantNotRearrangement()
    {
        var observation = SingleGeneVariant();
        observation.Component.Add(Component("48002-0", new CodeableConcept(MappingFixture.Loinc, "LA6683-2")));

        Assert.Equal(Kmt2aVariantKind.GermlineVariant, Lab(observation).Kmt2aVariant!.Kind);
    }

    [Fact]
    public void Map_GermlineSourceWithFusion_QuarantinedNamingTheComponent()
    {
        var observation = FhirSamples.Load<Observation>("Mapping/observation-kmt2a-variant-translocation.json");
        observation.Component[3].Value = new CodeableConcept(MappingFixture.Loinc, "LA6683-2");

        var q = MapAs<QuarantinedResource>(observation);

        Assert.Equal("pat-1", q.PatientId);
        Assert.Contains("48002-0", q.Reason, StringComparison.Ordinal);
        Assert.True(q.CouldScreen);
    }

    [Fact]
    public void Map_SecondGeneWithPointMutationAndNoFusionType_QuarantinedAsAmbiguous()
    {
        var observation = FhirSamples.Load<Observation>("Mapping/observation-kmt2a-variant-snv.json");
        observation.Component.Add(Component("48018-6", new CodeableConcept(Hgnc, "HGNC:7135")));

        var q = MapAs<QuarantinedResource>(observation);

        Assert.Contains("cannot be told", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("c.3463", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_SecondGeneWithChangeTypeNotInSequenceOntology_Quarantined()
    {
        var observation = SingleGeneVariant();
        observation.Component.Add(Component("48018-6", new CodeableConcept(Hgnc, "HGNC:7135")));
        observation.Component.Add(Component("48019-4", new CodeableConcept(MappingFixture.Loinc, "LA6690-7")));

        Assert.Contains("not coded in Sequence Ontology", MapAs<QuarantinedResource>(observation).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ChangeTypeNotInSequenceOntologyAlone_Noted()
    {
        var observation = SingleGeneVariant();
        observation.Component.Add(Component("48019-4", new CodeableConcept { Text = "translocation" }));

        Assert.Equal(ObservationFactMapper.Kmt2aVariantUnstatedRule, MapAs<NotedResource>(observation).Warning.Rule);
    }

    [Fact]
    public void Map_Kmt2aVariantTypeUnstated_NotedForThePatientNoFact()
    {
        var noted = MapAs<NotedResource>(SingleGeneVariant());

        Assert.Equal("pat-1", noted.PatientId);
        Assert.Equal(ObservationFactMapper.Kmt2aVariantUnstatedRule, noted.Warning.Rule);
    }

    [Fact]
    public void Map_AnyRearrangementAbsent_NegativeRearrangementResult()
    {
        var observation = SingleGeneVariant();
        observation.Component.Add(Component("81252-9", new CodeableConcept { Text = "KMT2A rearrangement" }));
        observation.Value = new CodeableConcept(MappingFixture.Loinc, "LA9634-2");

        var lab = Lab(observation);

        Assert.Equal(Finding.Negative, lab.Finding);
        Assert.True(lab.IsKmt2aRearrangementResult);
    }

    [Theory]
    [InlineData("Mapping/observation-kmt2a-variant-translocation.json")] // partner gene studied (MLLT1)
    [InlineData("Mapping/observation-kmt2a-variant-fusion-text.json")] // KMT2A::AFF1 named in the text
    public void Map_SpecificFusionAbsent_NotReadAsNotRearrangedAndWarned(string sample)
    {
        var observation = FhirSamples.Load<Observation>(sample);
        observation.Value = new CodeableConcept(MappingFixture.Loinc, "LA9634-2");

        var facts = MapAs<MappedFacts>(observation);

        var lab = Assert.Single(facts.Labs);
        Assert.Equal(Kmt2aVariantKind.SpecificFusionAbsent, lab.Kmt2aVariant!.Kind);
        Assert.False(lab.IsKmt2aRearrangementResult);
        Assert.Equal(ObservationFactMapper.Kmt2aSpecificFusionAbsentRule, Assert.Single(facts.Warnings).Rule);
    }

    [Theory]
    [InlineData("no KMT2A fusion detected")]
    [InlineData("KMT2A not rearranged")]
    [InlineData("Negative for t(4;11)")]
    public void Map_NegatedFusionDescription_QuarantinedNeverReadAsFusion(string description)
    {
        var observation = SingleGeneVariant();
        observation.Component.Add(Component("81252-9", new CodeableConcept { Text = description }));

        var q = MapAs<QuarantinedResource>(observation);

        Assert.Equal("pat-1", q.PatientId);
        Assert.Contains("negation", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(description, q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_MolecularConsequenceObservationOnItsOwn_Irrelevant()
    {
        Assert.IsType<IrrelevantResource>(Map(FhirSamples.Load("Mapping/observation-kmt2a-molecular-consequence.json")));
    }

    [Fact]
    public void Map_FishResult_NoVariantDetail()
    {
        Assert.Null(Lab(FhirSamples.Load("Mapping/observation-kmt2a-fish.json")).Kmt2aVariant);
    }

    private static Observation SingleGeneVariant(string kmt2aCode = "HGNC:7132") => new()
    {
        Id = "obs-variant",
        Status = ObservationStatus.Final,
        Code = new CodeableConcept(MappingFixture.Loinc, "69548-6"),
        Subject = new ResourceReference("Patient/pat-1"),
        Effective = new FhirDateTime("2023-09-04"),
        Value = new CodeableConcept(MappingFixture.Loinc, "LA9633-4"),
        Component = [Component("48018-6", new CodeableConcept(Hgnc, kmt2aCode))],
    };

    private static Observation.ComponentComponent Component(string loinc, DataType value) =>
        new() { Code = new CodeableConcept(MappingFixture.Loinc, loinc), Value = value };
}
