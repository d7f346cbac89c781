using Interop.Domain.Cohort;
using Interop.Domain.Results;
using Interop.Fhir.Outcomes;
using Interop.Store;
using Interop.Sync;
using CriterionStatus = Interop.Domain.Results.CriterionStatus;

namespace Interop.Worker.Report;

/// <summary>
/// A stored subject status (codes as strings, survival as day counts from the origin to the run's as-of date) to the
/// cohort report's <see cref="CohortSubject"/>, at a data cut-off on or before the run's as-of date:
/// <list type="bullet">
/// <item>the origin is the run's as-of date minus the follow-up days; a subject whose origin is after the cut-off is
/// left out of the Kaplan-Meier estimates, and their relapse or death is not counted (it came after the cut-off);</item>
/// <item>event-free subjects are censored at the earlier of their follow-up and the cut-off; an event after the cut-off
/// is censored at the cut-off and not counted;</item>
/// <item>an event recorded without a day (relapse or death of unknown date) is counted, and left out of the estimate
/// as "event day unknown" (it cannot be placed in time, nor before or after the cut-off);</item>
/// <item>eligibility, MRD and the primary endpoint are those of the last run: the store keeps only the current status.</item>
/// </list>
/// </summary>
internal static class SubjectStatusCohortMapping
{
    public static CohortSubject From(SubjectStatus status, DateOnly runDate, DateOnly cutOff)
    {
        ArgumentNullException.ThrowIfNull(status);
        var survival = status.Survival;
        int? horizon = null;
        if (survival is not null && runDate.AddDays(-survival.FollowUpDays) is var origin && origin <= cutOff)
        {
            horizon = Math.Min(survival.FollowUpDays, cutOff.DayNumber - origin.DayNumber);
        }

        var dfsStatus = Parse<DfsStatus>(status.DfsStatus, OutcomeValueCodes.Of);
        var died = Parse<OsStatus>(status.OsStatus, OutcomeValueCodes.Of) == OsStatus.Deceased;
        var relapsed = dfsStatus == DfsStatus.Relapse && Counts(survival, horizon, survival?.DfsEventDay);
        return new CohortSubject(
            Parse<EligibilityVerdict>(status.Verdict, OutcomeValueCodes.Of)
                ?? throw new InvalidOperationException("The state store holds a subject status with an unknown verdict code."),
            Criteria(status, CriterionStatus.NotMet),
            Criteria(status, CriterionStatus.Unknown),
            Parse<MrdClass>(status.MrdClass, OutcomeValueCodes.Of),
            relapsed,
            relapsed ? Parse<RelapseSite>(status.RelapseSite, OutcomeValueCodes.Of) : null,
            died && Counts(survival, horizon, survival?.OsEventDay),
            string.Equals(status.PrimaryEndpoint, SubjectStatusMapping.EndpointEvent, StringComparison.Ordinal),
            horizon is { } dfsHorizon ? Record(dfsStatus is DfsStatus.Relapse or DfsStatus.Death, survival!.DfsEventDay, dfsHorizon) : null,
            horizon is { } osHorizon ? Record(died, survival!.OsEventDay, osHorizon) : null);
    }

    /// <summary>An event on a known day within the horizon, or censored at the horizon; an event on an unknown day stays one.</summary>
    private static SurvivalRecord Record(bool happened, int? eventDay, int horizon) =>
        !happened ? SurvivalRecord.Censored(horizon)
        : eventDay is not { } day ? new SurvivalRecord(null, true)
        : day <= horizon ? SurvivalRecord.EventAt(day)
        : SurvivalRecord.Censored(horizon);

    /// <summary>
    /// Whether a recorded event counts at the cut-off: yes without survival days (nothing to place it by); no when the
    /// origin is after the cut-off; yes on an unknown day; else when it falls within the horizon.
    /// </summary>
    private static bool Counts(SurvivalDays? survival, int? horizon, int? eventDay) =>
        survival is null || (horizon is { } h && (eventDay is null || eventDay <= h));

    private static List<string> Criteria(SubjectStatus status, CriterionStatus wanted) =>
        [.. status.Criteria.Where(c => c.Status == OutcomeValueCodes.Of(wanted)).Select(c => c.CriterionId)];

    /// <summary>The enum value whose outcome value code is <paramref name="code"/>, or null.</summary>
    private static T? Parse<T>(string? code, Func<T, string> codeOf)
        where T : struct, Enum =>
        code is null ? null : Enum.GetValues<T>().Where(v => string.Equals(codeOf(v), code, StringComparison.Ordinal)).Cast<T?>().FirstOrDefault();
}
