using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>MRD written as text in lab notations (Reading:MrdTextValues).</summary>
public class MrdTextMappingTests
{
    private static readonly ReadingOptions On = new() { MrdTextValues = true };

    [Theory]
    [InlineData("1.0E-04", "0.0001", Comparator.None)]
    [InlineData("1e-4", "0.0001", Comparator.None)]
    [InlineData("4.4x10-5", "0.000044", Comparator.None)]
    [InlineData("1 x 10^-4", "0.0001", Comparator.None)]
    [InlineData("1×10E-4", "0.0001", Comparator.None)]
    [InlineData("1x10\u22124", "0.0001", Comparator.None)]
    [InlineData("10^-4", "0.0001", Comparator.None)]
    [InlineData("<1e-4", "0.0001", Comparator.LessThan)]
    [InlineData("< 1x10-4", "0.0001", Comparator.LessThan)]
    [InlineData("<=5x10-4", "0.0005", Comparator.LessOrEqual)]
    [InlineData("≥ 1E-3", "0.001", Comparator.GreaterOrEqual)]
    [InlineData("0.01%", "0.0001", Comparator.None)]
    [InlineData("0.01 %", "0.0001", Comparator.None)]
    [InlineData("0%", "0", Comparator.None)]
    public void Map_MrdLabNotation_Fraction(string text, string expected, Comparator comparator)
    {
        var lab = Assert.Single(MapAs<MappedFacts>(Observation(LocalLab, "MRDPCR", new FhirString(text)), On).Labs);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), lab.Amount);
        Assert.Equal(comparator, lab.Comparator);
        Assert.Equal(AssayMethod.Pcr, lab.Method);
    }

    [Theory]
    [InlineData("0.0001")] // fraction or percent? refused
    [InlineData("10E-4")] // E notation with a mantissa of 10: refused
    [InlineData("0,01%")] // decimal comma
    [InlineData("10-4")] // a range as much as a power
    [InlineData("1x104")] // no sign, no caret
    [InlineData("MRD 1e-4")]
    [InlineData("1e-4 (PCR)")]
    public void Map_MrdTextOutsideTheNotations_QuarantinedWithoutTheText(string text)
    {
        var q = MapAs<QuarantinedResource>(Observation(LocalLab, "MRDPCR", new FhirString(text)), On);

        Assert.Contains("valueString", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(text, q.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9.9E-4", true)]
    [InlineData("10.0E-4", false)]
    [InlineData("100%", true)]
    [InlineData("100.1%", false)]
    [InlineData("1E0", true)]
    [InlineData("1.01E0", false)]
    [InlineData("1E-20", true)]
    [InlineData("1E-21", false)]
    public void TryParse_Boundaries_AcceptedUpToTheLimit(string text, bool accepted)
    {
        Assert.Equal(accepted, MrdNotation.TryParse(text, out _, out _));
    }

    [Fact]
    public void Map_MrdTextSample_ReadWhenOn()
    {
        Assert.Equal(0.0001m, Lab(FhirSamples.Load("Mapping/observation-mrd-text.json"), On).Amount);
    }

    [Fact]
    public void Map_MrdTextOffByDefault_QuarantinedNamingTheSetting()
    {
        var q = MapAs<QuarantinedResource>(FhirSamples.Load("Mapping/observation-mrd-text.json"));

        Assert.Contains("Reading:MrdTextValues", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("E-04", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_MrdTextAnswerBeforeNotation_NegativeFinding()
    {
        var reading = AnswerShapeMappingTests.TextAnswers();
        reading.MrdTextValues = true;

        Assert.Equal(Finding.Negative, Lab(Observation(LocalLab, "MRDFLOW", new FhirString("not detected")), reading).Finding);
    }

    [Fact]
    public void Map_MarrowBlastsText_NotParsedAsNotation()
    {
        var q = MapAs<QuarantinedResource>(Observation(LocalLab, "BMBLAST", new FhirString("4%")), On);

        Assert.Contains("a Quantity is required", q.Reason, StringComparison.Ordinal);
    }

    private static LabResult Lab(Resource resource, ReadingOptions reading) => Assert.Single(MapAs<MappedFacts>(resource, reading).Labs);
}
