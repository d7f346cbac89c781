using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>Answer shapes: coded answers from SNOMED CT and LOINC, interpretation-only results, text answers.</summary>
public class AnswerShapeMappingTests
{
    private const string V3Interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    [Theory]
    [InlineData(Snomed, "260373001", Finding.Positive)] // Detected
    [InlineData(Snomed, "260415000", Finding.Negative)] // Not detected
    [InlineData(Snomed, "10828004", Finding.Positive)]
    [InlineData(Snomed, "260385009", Finding.Negative)]
    [InlineData(Loinc, "LA11882-0", Finding.Positive)] // Detected
    [InlineData(Loinc, "LA11883-8", Finding.Negative)] // Not detected
    [InlineData(Loinc, "LA6576-8", Finding.Positive)] // Positive
    [InlineData(Loinc, "LA6577-6", Finding.Negative)] // Negative
    [InlineData(Loinc, "LA9633-4", Finding.Positive)] // Present
    [InlineData(Loinc, "LA9634-2", Finding.Negative)] // Absent
    public void Map_ShippedCodedAnswer_Finding(string system, string code, Finding expected)
    {
        Assert.Equal(expected, Lab(Observation(LocalLab, "CD19BL", new CodeableConcept(system, code))).Finding);
    }

    [Fact]
    public void Map_InterpretationOnlyNotDetected_NegativeWithWarning()
    {
        var facts = MapAs<MappedFacts>(FhirSamples.Load("Mapping/observation-mrd-interpretation-only.json"));

        var lab = Assert.Single(facts.Labs);
        Assert.Equal(Finding.Negative, lab.Finding);
        var warning = Assert.Single(facts.Warnings);
        Assert.Equal(ObservationValueReader.InterpretationOnlyRule, warning.Rule);
        Assert.Contains("interpretation", warning.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(V3Interpretation, "POS", Finding.Positive)]
    [InlineData(V3Interpretation, "DET", Finding.Positive)]
    [InlineData(V3Interpretation, "NEG", Finding.Negative)]
    [InlineData(V3Interpretation, "ND", Finding.Negative)]
    [InlineData(Snomed, "10828004", Finding.Positive)] // as mCODE's genomic examples code their interpretation
    public void Map_InterpretationOnly_ReadByTheFallbackRule(string system, string code, Finding expected)
    {
        var observation = Observation(Loinc, "78219-3", null);
        observation.Interpretation.Add(new CodeableConcept(system, code));

        var facts = MapAs<MappedFacts>(observation);

        Assert.Equal(expected, Assert.Single(facts.Labs).Finding);
        Assert.Equal(ObservationValueReader.InterpretationOnlyRule, Assert.Single(facts.Warnings).Rule);
    }

    [Fact]
    public void Map_InterpretationOnlyHighFlag_QuarantinedValueMissing()
    {
        var observation = Observation(LocalLab, "CD19BL", null);
        observation.Interpretation.Add(new CodeableConcept(V3Interpretation, "H"));

        Assert.Contains("value[x] is missing", MapAs<QuarantinedResource>(observation).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_InterpretationOnlyPositiveAndNegative_Quarantined()
    {
        var observation = Observation(LocalLab, "CD19BL", null);
        observation.Interpretation.Add(new CodeableConcept(V3Interpretation, "POS"));
        observation.Interpretation.Add(new CodeableConcept(V3Interpretation, "ND"));

        Assert.Contains("both a positive and a negative", MapAs<QuarantinedResource>(observation).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_InterpretationOnlyForQuantityKind_QuarantinedValueMissing()
    {
        var observation = Observation(LocalLab, "BMBLAST", null);
        observation.Interpretation.Add(new CodeableConcept(V3Interpretation, "POS"));

        Assert.Contains("value[x] is missing", MapAs<QuarantinedResource>(observation).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_CodedValueContradictedByInterpretation_Quarantined()
    {
        var observation = Observation(LocalLab, "CD19BL", new CodeableConcept(Snomed, "260373001"));
        observation.Interpretation.Add(new CodeableConcept(V3Interpretation, "NEG"));

        Assert.Contains("disagree", MapAs<QuarantinedResource>(observation).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_CodedValueWithAgreeingInterpretation_NoWarning()
    {
        var observation = Observation(LocalLab, "CD19BL", new CodeableConcept(Snomed, "260373001"));
        observation.Interpretation.Add(new CodeableConcept(V3Interpretation, "POS"));

        var facts = MapAs<MappedFacts>(observation);

        Assert.Equal(Finding.Positive, Assert.Single(facts.Labs).Finding);
        Assert.Empty(facts.Warnings);
    }

    [Theory]
    [InlineData("detected", Finding.Positive)]
    [InlineData("  Not   Detected ", Finding.Negative)]
    [InlineData("NEGATIVE", Finding.Negative)]
    [InlineData("positive, not quantifiable", Finding.PositiveNotQuantifiable)]
    public void Map_TextAnswerListedBySite_Finding(string text, Finding expected)
    {
        var lab = Assert.Single(MapAs<MappedFacts>(Observation(LocalLab, "MRDPCR", new FhirString(text)), TextAnswers()).Labs);

        Assert.Equal(expected, lab.Finding);
    }

    [Fact]
    public void Map_TextAnswerOffByDefault_QuarantinedNamingTheSettingNotTheText()
    {
        var q = MapAs<QuarantinedResource>(Observation(LocalLab, "CD19BL", new FhirString("Detected")));

        Assert.Contains("valueString", q.Reason, StringComparison.Ordinal);
        Assert.Contains("Reading:TextAnswers", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Detected", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_TextNotListed_QuarantinedWithoutTheText()
    {
        var q = MapAs<QuarantinedResource>(Observation(LocalLab, "CD19BL", new FhirString("weakly pos (see comment)")), TextAnswers());

        Assert.Equal("pat-1", q.PatientId);
        Assert.DoesNotContain("weakly", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_TextForQuantityKind_QuarantinedQuantityRequired()
    {
        var q = MapAs<QuarantinedResource>(Observation(LocalLab, "BMBLAST", new FhirString("negative")), TextAnswers());

        Assert.Contains("a Quantity is required", q.Reason, StringComparison.Ordinal);
    }

    internal static ReadingOptions TextAnswers() => new()
    {
        TextAnswers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["positive"] = ["detected", "positive"],
            ["negative"] = ["not detected", "negative"],
            ["positive-not-quantifiable"] = ["positive, not quantifiable"],
        },
    };
}
