using Interop.Domain.Cohort;
using Interop.Domain.Results;

namespace Interop.Domain.Tests.Cohort;

public sealed class CohortReportBuilderTests
{
    private static CohortSubject Screened(EligibilityVerdict verdict, string[]? notMet = null, string[]? unknown = null) =>
        new(verdict, notMet ?? [], unknown ?? [], null, false, null, false, false, null, null);

    private static CohortSubject Treated(SurvivalRecord dfs, SurvivalRecord os, bool relapsed = false, RelapseSite? site = null, bool died = false) =>
        new(EligibilityVerdict.Eligible, [], [], MrdClass.Negative, relapsed, site, died, false, dfs, os);

    [Fact]
    public void Build_IneligibleReasons_MostFrequentFirstThenProtocolOrder()
    {
        var report = CohortReportBuilder.Build(
            [
                Screened(EligibilityVerdict.Ineligible, [CriterionIds.Kmt2aRearranged]),
                Screened(EligibilityVerdict.Ineligible, [CriterionIds.Kmt2aRearranged, CriterionIds.AgeAtDiagnosis]),
                Screened(EligibilityVerdict.Ineligible, [CriterionIds.Cd19Positive]),
                Screened(EligibilityVerdict.Undetermined, unknown: [CriterionIds.EndOfInductionMarrow]),
                Screened(EligibilityVerdict.Eligible),
            ],
            new CohortReportOptions());

        Assert.Equal((5, 1, 3, 1), (report.Patients, report.Eligible, report.Ineligible, report.Undetermined));
        Assert.Equal(
            [new(CriterionIds.Kmt2aRearranged, 2), new(CriterionIds.AgeAtDiagnosis, 1), new(CriterionIds.Cd19Positive, 1)],
            report.IneligibleReasons);
        Assert.Equal([new CriterionCount(CriterionIds.EndOfInductionMarrow, 1)], report.UndeterminedReasons);
    }

    [Fact]
    public void Build_UnknownCriteriaOfAnIneligiblePatient_AreNotUndeterminedReasons()
    {
        var report = CohortReportBuilder.Build(
            [Screened(EligibilityVerdict.Ineligible, [CriterionIds.AgeAtDiagnosis], [CriterionIds.Cd19Positive])], new CohortReportOptions());

        Assert.Empty(report.UndeterminedReasons);
    }

    [Fact]
    public void Build_RelapseSites_CnsAndCombinedInvolveTheCns()
    {
        var survival = SurvivalRecord.EventAt(100);
        var report = CohortReportBuilder.Build(
            [
                Treated(survival, SurvivalRecord.Censored(200), relapsed: true, site: RelapseSite.BoneMarrow),
                Treated(survival, SurvivalRecord.Censored(200), relapsed: true, site: RelapseSite.Cns),
                Treated(survival, SurvivalRecord.Censored(200), relapsed: true, site: RelapseSite.Combined),
                Treated(survival, SurvivalRecord.Censored(200), relapsed: true),
            ],
            new CohortReportOptions());

        Assert.Equal(4, report.Relapses);
        Assert.Equal(2, report.RelapsesWithCns);
        Assert.Equal(1, report.RelapsesBySite[RelapseSite.BoneMarrow]);
        Assert.Equal(1, report.RelapsesSiteNotRecorded);
    }

    [Fact]
    public void Build_AllRelapseSitesKnown_NoneNotRecorded()
    {
        var report = CohortReportBuilder.Build(
            [Treated(SurvivalRecord.EventAt(100), SurvivalRecord.Censored(200), relapsed: true, site: RelapseSite.Cns)], new CohortReportOptions());

        Assert.Equal(0, report.RelapsesSiteNotRecorded);
    }

    [Fact]
    public void Build_TreatedPatientJudgedIneligible_IsLeftOutOfTheSurvivalAnalysis()
    {
        var treatedIneligible = Treated(SurvivalRecord.EventAt(100), SurvivalRecord.EventAt(100), died: true) with
        {
            Verdict = EligibilityVerdict.Ineligible,
        };

        var report = CohortReportBuilder.Build(
            [treatedIneligible, Treated(SurvivalRecord.Censored(800), SurvivalRecord.Censored(800)), Screened(EligibilityVerdict.Eligible)],
            new CohortReportOptions());

        Assert.Equal(new SurvivalPopulation(Screened: 3, Eligible: 2, InAnalysis: 1, NotEligible: 1, NotStarted: 1), report.Population);
        Assert.Equal((1, 0), (report.Os.Curve.Subjects, report.Os.Curve.Events));
        Assert.Equal(1, report.Deaths);
    }

    [Fact]
    public void Build_DeathOnAnUnknownDay_IsCountedButLeftOutOfTheCurve()
    {
        var report = CohortReportBuilder.Build(
            [
                Treated(new SurvivalRecord(null, true), new SurvivalRecord(null, true), died: true),
                Treated(SurvivalRecord.Censored(800), SurvivalRecord.Censored(800)),
            ],
            new CohortReportOptions());

        Assert.Equal(1, report.Deaths);
        Assert.Equal(1, report.Os.EventDayUnknown);
        Assert.Equal(1, report.Os.Curve.Subjects);
        Assert.Equal(1.0, report.Os.TwoYear!.Survival);
    }

    [Fact]
    public void Build_SubjectsNotTreated_AreNotInTheCurves()
    {
        var report = CohortReportBuilder.Build([Screened(EligibilityVerdict.Eligible)], new CohortReportOptions());

        Assert.Equal(0, report.Dfs.Curve.Subjects);
        Assert.Null(report.Dfs.TwoYear);
        Assert.Null(report.Os.FourYear);
    }
}
