using Interop.Fhir.Terminology;
using Interop.Fhir.Units;
using Interop.Testing;

namespace Interop.Fhir.Tests.Terminology;

/// <summary>Loading a site unit map: a ConceptMap to UCUM, checked strictly.</summary>
public sealed class UnitMapTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Load_SampleUnitMap_EveryEntry()
    {
        var map = UnitMap.Load([RepositoryPaths.SampleUnitMap]);

        Assert.Equal(12, map.Count);
        Assert.True(map.TryMap(null, "x10E9/L", out var ucum));
        Assert.Equal("10*9/L", ucum);
        Assert.True(map.TryMap(UcumConverter.System, "K/uL", out _));
        Assert.False(map.TryMap(UcumConverter.System, "x10E9/L", out _));
    }

    [Fact]
    public void Load_LaterFileOverrides_SameSpelling()
    {
        var later = Write("later.json", Map("""{ "code": "K/uL", "target": [ { "code": "/uL", "equivalence": "equivalent" } ] }"""));

        Assert.True(UnitMap.Load([RepositoryPaths.SampleUnitMap, later]).TryMap(null, "K/uL", out var ucum));
        Assert.Equal("/uL", ucum);
    }

    [Theory]
    [InlineData("""{ "code": "K/uL", "target": [ { "code": "[iU]", "equivalence": "equivalent" } ] }""", "must be a UCUM unit")]
    [InlineData("""{ "code": "K/uL", "target": [ { "code": "thousands", "equivalence": "equivalent" } ] }""", "must be a UCUM unit")]
    [InlineData("""{ "code": "K/uL", "target": [ { "code": "10*3/uL", "equivalence": "wider" } ] }""", "equivalence must be 'equivalent'")]
    [InlineData("""{ "code": "K/uL", "target": [ { "code": "10*3/uL", "equivalence": "equivalent" }, { "code": "/nL", "equivalence": "equivalent" } ] }""", "exactly one target")]
    public void Load_BadElement_FailsNamingFileAndElement(string element, string expected)
    {
        var ex = Assert.Throws<TerminologyMapException>(() => UnitMap.Load([Write("bad.json", Map(element))]));

        Assert.Contains("bad.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("group[0].element[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GroupNotTargetingUcum_Fails()
    {
        var json = Map("""{ "code": "K/uL", "target": [ { "code": "10*3/uL", "equivalence": "equivalent" } ] }""").Replace("http://unitsofmeasure.org", "http://example.org/units", StringComparison.Ordinal);

        Assert.Contains("group[0].target must be", Assert.Throws<TerminologyMapException>(() => UnitMap.Load([Write("t.json", json)])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameSpellingTwoUnits_Fails()
    {
        var json = Map(
            """{ "code": "K/uL", "target": [ { "code": "10*3/uL", "equivalence": "equivalent" } ] }, { "code": "K/uL", "target": [ { "code": "/uL", "equivalence": "equivalent" } ] }""");

        Assert.Contains("already mapped", Assert.Throws<TerminologyMapException>(() => UnitMap.Load([Write("d.json", json)])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_Fails()
    {
        Assert.Contains("cannot be read", Assert.Throws<TerminologyMapException>(() => UnitMap.Load([_folder.Combine("none.json")])).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static string Map(string elements) =>
        $$"""{ "resourceType": "ConceptMap", "status": "active", "group": [ { "target": "http://unitsofmeasure.org", "element": [ {{elements}} ] } ] }""";

    private string Write(string name, string json)
    {
        var path = _folder.Combine(name);
        File.WriteAllText(path, json);
        return path;
    }
}
