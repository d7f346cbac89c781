using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>Non-UCUM unit spellings read through the site unit map (samples/site-unit-map.json), never guessed.</summary>
public class UnitMapMappingTests
{
    private const string LocalUnits = "http://hospital.example.org/CodeSystem/lab-units";

    private static readonly ReadingOptions WithUnitMap = new() { UnitMaps = [RepositoryPaths.SampleUnitMap] };

    [Fact]
    public void Map_UnitTextWithoutSystemListed_ConvertedThroughTheMap()
    {
        var lab = Lab(FhirSamples.Load("Mapping/observation-wbc-unit-text-only.json"), WithUnitMap);

        Assert.Equal(LabKind.WhiteCellCount, lab.Kind);
        Assert.Equal(312.5m, lab.Amount);
    }

    [Theory]
    [InlineData(null, "K/uL", "7.1", "7.1")]
    [InlineData(null, "10^9/L", "7.1", "7.1")]
    [InlineData(null, "x10E9/L", "7.1", "7.1")]
    [InlineData(Ucum, "K/uL", "7.1", "7.1")]
    [InlineData(Ucum, "G/L", "7.1", "7.1")]
    [InlineData(LocalUnits, "10*3/mm3", "7.1", "7.1")]
    [InlineData(LocalUnits, "KUL", "7.1", "7.1")]
    public void Map_WbcSpellingListed_SameAsUcum(string? system, string spelling, string value, string expected)
    {
        var observation = Observation(Loinc, "6690-2", new Quantity { Value = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Unit = spelling, System = system, Code = system is null ? null : spelling });

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Lab(observation, WithUnitMap).Amount);
    }

    [Theory]
    [InlineData(null, "/uL")]
    [InlineData(null, "cells/uL")]
    [InlineData(Ucum, "cells/uL")]
    [InlineData(LocalUnits, "CSFCELL")]
    public void Map_CsfCountSpellingListed_PerMicrolitre(string? system, string spelling)
    {
        var observation = Observation(LocalLab, "CSFWBC", new Quantity { Value = 8m, Unit = spelling, System = system, Code = system is null ? null : spelling });

        Assert.Equal(8m, Lab(observation, WithUnitMap).Amount);
    }

    [Theory]
    [InlineData(null, "k/uL")] // listed spellings only, exactly as written
    [InlineData(Ucum, "x10E9/L")] // listed without a system, not under UCUM
    [InlineData(LocalUnits, "K/uL")]
    [InlineData("http://other.example.org/units", "KUL")]
    public void Map_SpellingNotListed_QuarantinedWithoutTheUnit(string? system, string spelling)
    {
        var observation = Observation(Loinc, "6690-2", new Quantity { Value = 7.1m, Unit = spelling, System = system, Code = system is null ? null : spelling });

        var q = MapAs<QuarantinedResource>(observation, WithUnitMap);

        Assert.Equal("pat-1", q.PatientId);
        Assert.DoesNotContain(spelling, q.Reason, StringComparison.Ordinal);
        Assert.Contains("Reading:UnitMaps", q.Reason, StringComparison.Ordinal);
        Assert.False(q.CouldScreen);
    }

    [Fact]
    public void Map_UnitTextWithoutMap_QuarantinedAsBefore()
    {
        var q = MapAs<QuarantinedResource>(FhirSamples.Load("Mapping/observation-wbc-unit-text-only.json"));

        Assert.Contains("unit not coded in UCUM", q.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("K/uL", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UcumCodeNotInMap_StillReadAsUcum()
    {
        Assert.Equal(312.5m, Lab(FhirSamples.Load("Mapping/observation-wbc-10e3-per-ul.json"), WithUnitMap).Amount);
    }

    [Fact]
    public void Map_MappedUnitOfWrongDimension_QuarantinedNotConverted()
    {
        // "%" is listed (to %), but a white-cell count is a count per volume.
        var observation = Observation(Loinc, "6690-2", new Quantity { Value = 7.1m, Unit = "%" });

        Assert.Contains("cannot be converted", MapAs<QuarantinedResource>(observation, WithUnitMap).Reason, StringComparison.Ordinal);
    }

    private static LabResult Lab(Resource resource, ReadingOptions reading) => Assert.Single(MapAs<MappedFacts>(resource, reading).Labs);
}
