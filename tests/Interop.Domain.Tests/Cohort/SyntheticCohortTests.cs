using Interop.Domain.Cohort;
using Interop.Domain.Results;

namespace Interop.Domain.Tests.Cohort;

public sealed class SyntheticCohortTests
{
    private static readonly CohortReport Report = CohortReportBuilder.Build(SyntheticCohort.Build(), new CohortReportOptions());

    [Fact]
    public void Build_PublishedCohort_MatchesThePublishedCounts()
    {
        Assert.Equal(30, Report.Patients);
        Assert.Equal(30, Report.Eligible);
        Assert.Equal(new MrdClassCounts(16, 12, 2), Report.Mrd);
        Assert.Equal(4, Report.Relapses);
        Assert.Equal(4, Report.RelapsesWithCns);
        Assert.Equal(3, Report.RelapsesBySite[RelapseSite.Cns]);
        Assert.Equal(1, Report.RelapsesBySite[RelapseSite.Combined]);
        Assert.Equal(1, Report.Deaths);
        Assert.Equal(0, Report.PrimaryEndpointEvents);
    }

    [Fact]
    public void Build_PublishedCohort_GivesTwoYearDfs81Point6AndOs93Point3()
    {
        Assert.Equal(0.816, Math.Round(Report.Dfs.TwoYear!.Survival, 3));
        Assert.Equal(0.933, Math.Round(Report.Os.TwoYear!.Survival, 3));
    }

    [Fact]
    public void Build_PublishedCohort_IntervalsMatchAnIndependentComputation()
    {
        Assert.Equal(0.815657, Report.Dfs.TwoYear!.Survival, 1e-4);
        Assert.Equal(0.580087, Report.Dfs.TwoYear.Lower, 1e-4);
        Assert.Equal(0.926593, Report.Dfs.TwoYear.Upper, 1e-4);
        Assert.Equal(0.612641, Report.Os.TwoYear!.Lower, 1e-4);
        Assert.Equal(0.990332, Report.Os.TwoYear.Upper, 1e-4);
    }

    [Fact]
    public void Build_PublishedCohort_FourYearEstimatesEqualTwoYearOnesWithThreeAtRisk()
    {
        Assert.Equal(Report.Dfs.TwoYear!.Survival, Report.Dfs.FourYear!.Survival, 1e-12);
        Assert.Equal(Report.Os.TwoYear!.Survival, Report.Os.FourYear!.Survival, 1e-12);
        Assert.Equal(3, Report.Dfs.FourYear.AtRisk);
    }
}
