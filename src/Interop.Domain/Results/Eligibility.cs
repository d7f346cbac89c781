using Interop.Domain.Facts;

namespace Interop.Domain.Results;

/// <summary>The outcome of one eligibility criterion.</summary>
public enum CriterionStatus
{
    /// <summary>The data show the criterion is met.</summary>
    Met,

    /// <summary>The data show the criterion is not met.</summary>
    NotMet,

    /// <summary>Data missing, contradictory or not yet available.</summary>
    Unknown,
}

/// <summary>The overall eligibility verdict.</summary>
public enum EligibilityVerdict
{
    /// <summary>Every criterion met.</summary>
    Eligible,

    /// <summary>At least one criterion not met.</summary>
    Ineligible,

    /// <summary>None not met, at least one unknown.</summary>
    Undetermined,
}

/// <summary>Criterion ids, as in docs/trial-rules.md and the <c>blinfant-criterion</c> code system.</summary>
public static class CriterionIds
{
    public const string AgeAtDiagnosis = "age-at-diagnosis";
    public const string AgeAtBlinatumomabStart = "age-at-blinatumomab-start";
    public const string NewlyDiagnosedBcpAll = "newly-diagnosed-bcp-all";
    public const string Cd19Positive = "cd19-positive";
    public const string Kmt2aRearranged = "kmt2a-rearranged";
    public const string InductionGiven = "induction-given";
    public const string EndOfInductionMarrow = "eoi-marrow-m1-m2";

    /// <summary>All criteria, in the order of the protocol.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AgeAtDiagnosis, AgeAtBlinatumomabStart, NewlyDiagnosedBcpAll, Cd19Positive,
        Kmt2aRearranged, InductionGiven, EndOfInductionMarrow,
    ];
}

/// <summary>One criterion's result.</summary>
/// <param name="CriterionId">One of <see cref="CriterionIds"/>.</param>
/// <param name="Status">Met, not met or unknown.</param>
/// <param name="Reason">Why, in words, without patient data (no dates, no names): e.g. "age at diagnosis 400 days, limit &lt; 365".</param>
/// <param name="Evidence">The records the decision used, sorted.</param>
public sealed record CriterionResult(string CriterionId, CriterionStatus Status, string Reason, IReadOnlyList<EvidenceRef> Evidence);

/// <summary>The eligibility of one patient.</summary>
/// <param name="Verdict">The overall verdict.</param>
/// <param name="Criteria">One result per criterion, in <see cref="CriterionIds.All"/> order.</param>
/// <param name="RuleSetVersion">The rule-set version the rules ran under.</param>
public sealed record EligibilityResult(EligibilityVerdict Verdict, IReadOnlyList<CriterionResult> Criteria, string RuleSetVersion)
{
    /// <summary>The not-met criteria: an ineligible patient's reasons.</summary>
    public IEnumerable<CriterionResult> NotMet => Criteria.Where(c => c.Status == CriterionStatus.NotMet);

    /// <summary>The unknown criteria: what is missing for an undetermined patient.</summary>
    public IEnumerable<CriterionResult> Missing => Criteria.Where(c => c.Status == CriterionStatus.Unknown);
}
