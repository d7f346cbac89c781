using Interop.Client.Contracts;
using Interop.Domain.Cohort;
using Interop.Fhir.Outcomes;

namespace Interop.Worker.Report;

/// <summary>The domain's cohort report to the API and CLI contract <see cref="TrialSummary"/>.</summary>
internal static class TrialSummaryMapping
{
    public static TrialSummary From(CohortReportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = result.Report;
        return new TrialSummary
        {
            AsOf = result.AsOf,
            Target = result.Target,
            SurvivalPopulation = new SurvivalPopulationCounts(
                report.Population.Screened, report.Population.Eligible, report.Population.InAnalysis, report.Population.NotEligible, report.Population.NotStarted),
            Patients = report.Patients,
            Eligible = report.Eligible,
            Ineligible = report.Ineligible,
            Undetermined = report.Undetermined,
            IneligibleReasons = [.. report.IneligibleReasons.Select(r => new ReasonCount(r.CriterionId, r.Count))],
            UndeterminedReasons = [.. report.UndeterminedReasons.Select(r => new ReasonCount(r.CriterionId, r.Count))],
            MrdAfterBlinatumomab = new MrdCounts(report.Mrd.Negative, report.Mrd.LowPositive, report.Mrd.HighPositive),
            Relapses = report.Relapses,
            RelapsesWithCns = report.RelapsesWithCns,
            RelapsesBySite = report.RelapsesBySite.ToDictionary(p => OutcomeValueCodes.Of(p.Key), p => p.Value, StringComparer.Ordinal),
            RelapsesSiteNotRecorded = report.RelapsesSiteNotRecorded,
            Deaths = report.Deaths,
            PrimaryEndpointEvents = report.PrimaryEndpointEvents,
            Dfs = Estimates(report.Dfs),
            Os = Estimates(report.Os),
            HistoricalControl = new HistoricalControl(
                report.Historical.HistoricalDfsTwoYear,
                report.Historical.HistoricalOsTwoYear,
                report.Historical.HistoricalDfsFourYear,
                report.Historical.HistoricalOsFourYear),
        };
    }

    private static SurvivalEstimates Estimates(SurvivalSummary summary) => new(
        Estimate(summary.TwoYear), Estimate(summary.FourYear), summary.Curve.Subjects, summary.Curve.Events, summary.EventDayUnknown);

    private static SurvivalEstimate? Estimate(KaplanMeierEstimate? estimate) =>
        estimate is null ? null : new SurvivalEstimate(estimate.Survival, estimate.Lower, estimate.Upper);
}
