using Interop.Domain.Cohort;
using Interop.Domain.Results;
using Interop.Store;
using Interop.Worker.Report;

namespace Interop.Worker.Tests.Report;

public sealed class SubjectStatusCohortMappingTests
{
    private static readonly DateOnly Run = new(2026, 6, 1);

    [Fact]
    public void From_NoCutOffBeforeTheRun_KeepsEventDaysAndFollowUp()
    {
        var subject = SubjectStatusCohortMapping.From(ReportStore.Treated("a", 1000, relapseDay: 400, deathDay: 650, site: "combined"), Run, Run);

        Assert.Equal(SurvivalRecord.EventAt(400), subject.Dfs);
        Assert.Equal(SurvivalRecord.EventAt(650), subject.Os);
        Assert.True(subject.Relapsed);
        Assert.Equal(RelapseSite.Combined, subject.RelapseSite);
        Assert.True(subject.Died);
    }

    [Theory]
    [InlineData(400, true)]
    [InlineData(399, false)]
    public void From_CutOffOnTheEventDay_CountsTheEventButNotTheDayBefore(int cutOffDay, bool counted)
    {
        // Origin = run - 1000 days; the relapse is on day 400.
        var cutOff = Run.AddDays(-1000 + cutOffDay);

        var subject = SubjectStatusCohortMapping.From(ReportStore.Treated("a", 1000, relapseDay: 400), Run, cutOff);

        Assert.Equal(counted, subject.Relapsed);
        Assert.Equal(counted ? SurvivalRecord.EventAt(400) : SurvivalRecord.Censored(399), subject.Dfs);
        Assert.Equal(SurvivalRecord.Censored(cutOffDay), subject.Os);
    }

    [Fact]
    public void From_OriginAfterTheCutOff_IsOutOfTheCurvesAndItsDeathNotCounted()
    {
        var subject = SubjectStatusCohortMapping.From(ReportStore.Treated("a", 100, deathDay: 50), Run, Run.AddDays(-101));

        Assert.Null(subject.Dfs);
        Assert.Null(subject.Os);
        Assert.False(subject.Died);
    }

    [Fact]
    public void From_OriginOnTheCutOff_IsInTheCurvesAtDayZero()
    {
        var subject = SubjectStatusCohortMapping.From(ReportStore.Treated("a", 100), Run, Run.AddDays(-100));

        Assert.Equal(SurvivalRecord.Censored(0), subject.Dfs);
    }

    [Fact]
    public void From_DeathOnAnUnknownDay_IsCountedWithoutATime()
    {
        var status = ReportStore.Treated("a", 300, deathDay: 100) with { Survival = new SurvivalDays(300, null, null) };

        var subject = SubjectStatusCohortMapping.From(status, Run, Run.AddDays(-10));

        Assert.True(subject.Died);
        Assert.True(subject.Dfs!.TimeUnknown);
        Assert.True(subject.Os!.TimeUnknown);
    }

    [Fact]
    public void From_ScreenedOnly_HasCriteriaAndNoSurvival()
    {
        var status = ReportStore.Screened("a", "ineligible", CriterionIds.Kmt2aRearranged, "not-met") with
        {
            Criteria =
            [
                new Store.CriterionStatus(CriterionIds.Kmt2aRearranged, "not-met", []),
                new Store.CriterionStatus(CriterionIds.Cd19Positive, "unknown", []),
                new Store.CriterionStatus(CriterionIds.AgeAtDiagnosis, "met", []),
            ],
        };

        var subject = SubjectStatusCohortMapping.From(status, Run, Run);

        Assert.Equal(EligibilityVerdict.Ineligible, subject.Verdict);
        Assert.Equal([CriterionIds.Kmt2aRearranged], subject.NotMetCriteria);
        Assert.Equal([CriterionIds.Cd19Positive], subject.UnknownCriteria);
        Assert.Null(subject.Dfs);
        Assert.Null(subject.MrdAfterBlinatumomab);
    }

    [Fact]
    public void From_UnknownVerdictCode_ThrowsWithoutTheValue()
    {
        var status = ReportStore.Screened("a", "maybe-eligible", CriterionIds.Cd19Positive, "unknown");

        var ex = Assert.Throws<InvalidOperationException>(() => SubjectStatusCohortMapping.From(status, Run, Run));
        Assert.DoesNotContain("maybe", ex.Message, StringComparison.Ordinal);
    }
}
