using Interop.Fhir.Mapping;
using Interop.Testing;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>The Reading section's settings: validated with the full setting path.</summary>
public class ReadingOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoError() => Assert.Empty(new ReadingOptions().Validate());

    [Fact]
    public void Validate_SampleUnitMapAndTextAnswers_NoError()
    {
        var options = AnswerShapeMappingTests.TextAnswers();
        options.UnitMaps.Add(RepositoryPaths.SampleUnitMap);

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_UnknownAnswerConcept_NamesTheKey()
    {
        var options = new ReadingOptions { TextAnswers = new() { ["rearranged"] = ["yes"] } };

        Assert.Equal("Reading:TextAnswers:rearranged is not an answer concept (positive, negative, not-evaluable, positive-not-quantifiable)", Assert.Single(options.Validate()));
    }

    [Fact]
    public void Validate_TextUnderTwoAnswers_NamesTheSecond()
    {
        var options = new ReadingOptions { TextAnswers = new() { ["negative"] = ["Neg"], ["positive"] = ["pos", " neg "] } };

        Assert.Equal("Reading:TextAnswers:positive:1 is also listed under negative", Assert.Single(options.Validate()));
    }

    [Fact]
    public void Validate_EmptyText_NamesTheIndex()
    {
        var options = new ReadingOptions { TextAnswers = new() { ["negative"] = ["negative", "  "] } };

        Assert.Equal("Reading:TextAnswers:negative:1 is empty", Assert.Single(options.Validate()));
    }

    [Fact]
    public void Validate_UnitMapMissingOrEmpty_NamesTheIndex()
    {
        var options = new ReadingOptions { UnitMaps = [RepositoryPaths.SampleUnitMap, "", "/nonexistent/units.json"] };

        var errors = options.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Equal("Reading:UnitMaps:1 is empty", errors[0]);
        Assert.StartsWith("Reading:UnitMaps:2: unit map '/nonexistent/units.json': cannot be read", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void BlinatumomabNames_NotConfigured_Defaults() =>
        Assert.Equal(["blinatumomab", "blincyto"], new ReadingOptions().BlinatumomabNamesInEffect);

    [Theory]
    [InlineData("bli")]
    [InlineData("   ")]
    public void Validate_BlinatumomabNameShorterThanFour_ErrorNamingTheEntry(string name)
    {
        var error = Assert.Single(new ReadingOptions { BlinatumomabNames = ["blinatumomab", name] }.Validate());

        Assert.StartsWith("Reading:BlinatumomabNames:1 ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FourCharacterBlinatumomabName_Accepted() => Assert.Empty(new ReadingOptions { BlinatumomabNames = ["blin"] }.Validate());
}
