using Hl7.Fhir.Model;
using Interop.Fhir.Mapping;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>
/// Copies of a record told apart by the hashes of their NDJSON lines instead of their content serialised again: the same
/// decisions as by content, or, when the lines cannot tell, <see cref="PatientRecordAssembler.NeedsContentHashes"/>.
/// </summary>
public class DuplicateLineHashTests
{
    private const string Earlier = "2026-01-10T08:00:00Z";
    private const string Later = "2026-01-10T08:00:00.001Z";
    private static readonly UInt128 LineA = new(1, 1);
    private static readonly UInt128 LineB = new(2, 2);

    [Fact]
    public void Add_SameLineTwice_ReadOnceWithIdenticalWarning_AsByContent()
    {
        var byLine = Assemble((Blasts(30m, Earlier), "Observation.ndjson:4", LineA), (Blasts(30m, Earlier), "Observation.part2.ndjson:1", LineA));
        var byContent = Assemble((Blasts(30m, Earlier), "Observation.ndjson:4", null), (Blasts(30m, Earlier), "Observation.part2.ndjson:1", null));

        Assert.False(byLine.Assembler.NeedsContentHashes);
        AssertSame(byContent.Result, byLine.Result);
        Assert.Equal("duplicate-identical", Assert.Single(byLine.Result.Warnings).Rule);
    }

    [Fact]
    public void Add_OtherLineWithALaterLastUpdated_LaterWins_AsByContent()
    {
        var byLine = Assemble((Blasts(30m, Earlier), "Observation.000.ndjson:1", LineA), (Blasts(10m, Later), "Observation.001.ndjson:1", LineB));
        var byContent = Assemble((Blasts(30m, Earlier), "Observation.000.ndjson:1", null), (Blasts(10m, Later), "Observation.001.ndjson:1", null));

        Assert.False(byLine.Assembler.NeedsContentHashes);
        AssertSame(byContent.Result, byLine.Result);
        Assert.Equal("duplicate-superseded", Assert.Single(byLine.Result.Warnings).Rule);
    }

    [Fact]
    public void Add_OtherLineWithoutLastUpdatedOnOneCopy_ToldApart_AsByContent()
    {
        var byLine = Assemble((Blasts(30m, null), "Observation.000.ndjson:1", LineA), (Blasts(30m, Earlier), "Observation.001.ndjson:1", LineB));
        var byContent = Assemble((Blasts(30m, null), "Observation.000.ndjson:1", null), (Blasts(30m, Earlier), "Observation.001.ndjson:1", null));

        Assert.False(byLine.Assembler.NeedsContentHashes);
        AssertSame(byContent.Result, byLine.Result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Earlier)]
    public void Add_OtherLineWithTheSameLastUpdated_NeedsContentHashes(string? lastUpdated)
    {
        // The same content may be written with its properties in another order: only its content can tell.
        var (assembler, _) = Assemble((Blasts(30m, lastUpdated), "Observation.000.ndjson:1", LineA), (Blasts(30m, lastUpdated), "Observation.001.ndjson:1", LineB));

        Assert.True(assembler.NeedsContentHashes);
    }

    [Fact]
    public void Add_LineCopyAndContentCopyWithTheSameLastUpdated_NeedsContentHashes()
    {
        // A Bundle entry (hashed by content) beside an NDJSON line (hashed by line): the hashes are not comparable.
        var (assembler, _) = Assemble((Blasts(30m, Earlier), "Observation.ndjson:1", LineA), (Blasts(30m, Earlier), "Bundle.ndjson:1 entry 1", null));

        Assert.True(assembler.NeedsContentHashes);
    }

    [Fact]
    public void Add_IrrelevantCopiesByLine_NotReportedAndDecided()
    {
        var (assembler, result) = Assemble(
            (Observation(Loinc, "8480-6", Quantity(120m, "mm[Hg]"), id: "bp-1"), "Observation.ndjson:1", LineA),
            (Observation(Loinc, "8480-6", Quantity(125m, "mm[Hg]"), id: "bp-1"), "Observation.ndjson:2", LineB));

        Assert.False(assembler.NeedsContentHashes);
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Quarantined);
        Assert.Equal(2, result.IrrelevantResources);
    }

    private static (PatientRecordAssembler Assembler, AssemblyResult Result) Assemble(params (Resource Resource, string Location, UInt128? Line)[] copies)
    {
        var assembler = new PatientRecordAssembler(Mapper);
        assembler.Add(Condition(Snomed, "277571004"), "Condition.ndjson:1", null);
        foreach (var (resource, location, line) in copies)
        {
            assembler.Add(resource, location, line);
        }

        return (assembler, assembler.Complete());
    }

    private static void AssertSame(AssemblyResult expected, AssemblyResult actual)
    {
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.Equal(expected.Quarantined, actual.Quarantined);
        Assert.Equal(expected.IrrelevantResources, actual.IrrelevantResources);
        Assert.Equal(
            expected.Patients.SelectMany(p => p.Record.Labs).Select(l => (l.Amount, l.Evidence)),
            actual.Patients.SelectMany(p => p.Record.Labs).Select(l => (l.Amount, l.Evidence)));
    }

    private static Observation Blasts(decimal percent, string? lastUpdated)
    {
        var observation = Observation(LocalLab, "BMBLAST", Quantity(percent, "%"), id: "blasts-1");
        observation.Meta = lastUpdated is null ? null : new Meta { LastUpdated = DateTimeOffset.Parse(lastUpdated, System.Globalization.CultureInfo.InvariantCulture) };
        return observation;
    }
}
