namespace Interop.Store;

/// <summary>
/// A subject's current trial status as of the last run that evaluated them (issue 4). Values are the
/// domain's codes as strings (the store does not depend on the domain); evidence is opaque resource ids.
/// </summary>
/// <param name="Verdict">Eligibility verdict: eligible, ineligible or undetermined.</param>
/// <param name="RunId">The run that wrote this status, when recorded from a run.</param>
/// <param name="Survival">Day counts for survival analysis, once the course started.</param>
/// <param name="CourseInfusionDays">Whole days of blinatumomab infused so far, once the course started.</param>
/// <param name="RelapseSite">Where the first relapse happened (bone-marrow, cns, combined), when DFS is a relapse.</param>
public sealed record SubjectStatus(
    string EhrName,
    string PatientId,
    DateTimeOffset AsOf,
    string Verdict,
    string? ResearchSubjectStatus,
    string? RiskGroup,
    string? CourseState,
    string? MrdClass,
    string? PrimaryEndpoint,
    string? DfsStatus,
    string? OsStatus,
    IReadOnlyList<CriterionStatus> Criteria,
    Guid? RunId,
    DateTimeOffset UpdatedAt,
    SurvivalDays? Survival = null,
    int? CourseInfusionDays = null,
    string? RelapseSite = null);

/// <summary>
/// Survival times in whole days from the survival origin (start of blinatumomab, or diagnosis by configuration):
/// relative day counts rather than dates, so that the store holds no calendar date of a patient.
/// </summary>
/// <param name="FollowUpDays">Days from the origin to the run's as-of date (the censoring time when event-free).</param>
/// <param name="DfsEventDay">Days from the origin to relapse or death, whichever came first; null when event-free or the date is unknown.</param>
/// <param name="OsEventDay">Days from the origin to death; null when alive or the date is unknown.</param>
public sealed record SurvivalDays(int FollowUpDays, int? DfsEventDay, int? OsEventDay);

/// <summary>One eligibility criterion's result, why (in words, without patient data), and the ids of the resources it rests on.</summary>
public sealed record CriterionStatus(string CriterionId, string Status, IReadOnlyList<string> EvidenceIds, string? Reason = null);

/// <summary>Filters and paging for <see cref="StateStore.ListSubjectStatusesAsync"/>.</summary>
public sealed record SubjectStatusQuery(
    string? EhrName = null,
    string? Verdict = null,
    string? ResearchSubjectStatus = null,
    int Skip = 0,
    int Take = 50);
