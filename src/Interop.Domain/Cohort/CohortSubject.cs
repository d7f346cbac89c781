using Interop.Domain.Results;

namespace Interop.Domain.Cohort;

/// <summary>One screened patient as the cohort report sees them: no identifiers, no dates, only day counts.</summary>
/// <param name="Verdict">Eligibility verdict.</param>
/// <param name="NotMetCriteria">Ids of the criteria not met (an ineligible patient's reasons).</param>
/// <param name="UnknownCriteria">Ids of the criteria unknown (what an undetermined patient is missing).</param>
/// <param name="MrdAfterBlinatumomab">MRD class after the blinatumomab course, when measured.</param>
/// <param name="Relapsed">Whether the first DFS event is a relapse.</param>
/// <param name="RelapseSite">The relapse site, when known.</param>
/// <param name="Died">Whether the patient died (any cause, any time).</param>
/// <param name="PrimaryEndpointEvent">Whether the primary (safety) endpoint occurred.</param>
/// <param name="Dfs">Disease-free survival time, once blinatumomab started; null before.</param>
/// <param name="Os">Overall survival time, once blinatumomab started; null before.</param>
public sealed record CohortSubject(
    EligibilityVerdict Verdict,
    IReadOnlyList<string> NotMetCriteria,
    IReadOnlyList<string> UnknownCriteria,
    MrdClass? MrdAfterBlinatumomab,
    bool Relapsed,
    RelapseSite? RelapseSite,
    bool Died,
    bool PrimaryEndpointEvent,
    SurvivalRecord? Dfs,
    SurvivalRecord? Os);

/// <summary>A subject's survival for one endpoint.</summary>
/// <param name="TimeDays">Days from the origin to the event, or to the censoring when <paramref name="Event"/> is false; null when the event happened on an unknown day.</param>
/// <param name="Event">Whether the event happened (within the data cut-off).</param>
public sealed record SurvivalRecord(int? TimeDays, bool Event)
{
    /// <summary>An event on an unknown day: counted, but not estimable (left out of the Kaplan-Meier estimate).</summary>
    public bool TimeUnknown => TimeDays is null;

    /// <summary>Event-free, censored at <paramref name="days"/>.</summary>
    public static SurvivalRecord Censored(int days) => new(days, false);

    /// <summary>The event on day <paramref name="days"/>.</summary>
    public static SurvivalRecord EventAt(int days) => new(days, true);
}
