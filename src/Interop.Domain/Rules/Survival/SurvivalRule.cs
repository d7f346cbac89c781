using Interop.Domain.Results;
using Interop.Domain.Rules.Course;

namespace Interop.Domain.Rules.Survival;

/// <summary>
/// DFS and OS from the configured origin: relapse or death, whichever first (relapse on a tie),
/// else censored at the as-of date.
/// </summary>
internal static class SurvivalRule
{
    public static (DfsResult? Dfs, OsResult? Os) Evaluate(EvaluationContext context, CourseOutcome course)
    {
        if (course.FirstStartDate is not { } start)
        {
            return (null, null);
        }

        var origin = context.Options.SurvivalOrigin == SurvivalOrigin.Diagnosis ? context.Diagnosis.Date ?? start : start;
        var originEvidence = context.Options.SurvivalOrigin == SurvivalOrigin.Diagnosis && context.Diagnosis.Date is not null
            ? context.Diagnosis.Evidence
            : Evidence.Of(context.Facts.FirstBlinatumomab is { } first ? [first.Evidence] : []);
        var death = context.Facts.Death;
        var relapse = RelapseDetection.Find(context, origin);
        var asOfDate = context.AsOf.Date;

        var os = death is null
            ? new OsResult(OsStatus.Alive, origin, asOfDate, Evidence.Of(originEvidence, context.Record.PatientEvidence))
            : new OsResult(OsStatus.Deceased, origin, death.Date, Evidence.Of(originEvidence, [death.Evidence]));

        DfsResult dfs;
        if (relapse is not null && !(death?.Date < relapse.Date))
        {
            // A relapse cannot follow death, so without a death date the relapse is the first event.
            dfs = new DfsResult(DfsStatus.Relapse, origin, relapse.Date, relapse.Site, Evidence.Of(originEvidence, relapse.Evidence));
        }
        else if (death is not null)
        {
            dfs = new DfsResult(DfsStatus.Death, origin, death.Date, null, Evidence.Of(originEvidence, [death.Evidence]));
        }
        else
        {
            dfs = new DfsResult(DfsStatus.EventFree, origin, asOfDate, null, Evidence.Of(originEvidence, context.Record.PatientEvidence));
        }

        return (dfs, os);
    }
}
