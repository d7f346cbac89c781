using Interop.SyntheticCohort;
using Interop.Testing;

namespace Interop.Worker.Tests.EndToEnd;

/// <summary>The bundled sample is exactly what the seeded generator makes: regenerating changes nothing.</summary>
public sealed class SampleExportTests
{
    [Fact]
    public async Task Generator_DefaultSeed_ReproducesTheBundledSampleByteForByte()
    {
        using var fresh = new TempFolder();
        await CohortGenerator.WriteExportAsync(new CohortSpec(), fresh.Path, CancellationToken.None);

        var committed = Directory.EnumerateFiles(RepositoryPaths.SampleExport, "*.ndjson").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var generated = Directory.EnumerateFiles(fresh.Path, "*.ndjson").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(committed, generated);
        foreach (var file in committed)
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SampleExport, file!));
            var actual = await File.ReadAllBytesAsync(Path.Combine(fresh.Path, file!));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{file} differs from a fresh generation: regenerate the sample (samples/README.md)");
        }
    }

    [Fact]
    public void Expectations_CoverEveryVerdictAndEveryCriterionFailing()
    {
        var expected = SampleExpectations.Load();
        Assert.True(expected.Count >= 40, "at least 40 scenario infants");
        Assert.Contains(expected, p => p.Verdict == "eligible");
        Assert.Contains(expected, p => p.Verdict == "ineligible");
        Assert.Contains(expected, p => p.Verdict == "undetermined");
        foreach (var criterion in Interop.Domain.Results.CriterionIds.All)
        {
            Assert.Contains(expected, p => p.NotMet.Contains(criterion));
        }

        foreach (var mrd in new[] { "negative", "low-positive", "high-positive" })
        {
            Assert.Contains(expected, p => p.MrdClass == mrd);
        }

        Assert.Contains(expected, p => p.DfsStatus == "relapse");
        Assert.Contains(expected, p => p.OsStatus == "deceased");
        Assert.Contains(expected, p => p.CourseState == "completed");
        Assert.Contains(expected, p => p.CourseState == "discontinued-toxicity");
    }
}
