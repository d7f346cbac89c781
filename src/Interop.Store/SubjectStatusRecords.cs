namespace Interop.Store;

/// <summary>
/// A subject's current trial status as of the last run that evaluated them (issue 4). Values are the
/// domain's codes as strings (the store does not depend on the domain); evidence is opaque resource ids.
/// </summary>
/// <param name="Verdict">Eligibility verdict: eligible, ineligible or undetermined.</param>
/// <param name="RunId">The run that wrote this status, when recorded from a run.</param>
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
    DateTimeOffset UpdatedAt);

/// <summary>One eligibility criterion's result and the ids of the resources it rests on.</summary>
public sealed record CriterionStatus(string CriterionId, string Status, IReadOnlyList<string> EvidenceIds);

/// <summary>Filters and paging for <see cref="StateStore.ListSubjectStatusesAsync"/>.</summary>
public sealed record SubjectStatusQuery(
    string? EhrName = null,
    string? Verdict = null,
    string? ResearchSubjectStatus = null,
    int Skip = 0,
    int Take = 50);
