using Interop.Client.Contracts;

namespace Interop.Worker.Report;

/// <summary>The cohort report from the subjects' status in the state store (<c>report</c> verb and <c>/api/v1/trial/summary</c>).</summary>
public interface ITrialSummarySource
{
    /// <summary>
    /// The report of <paramref name="target"/> (may be null when exactly one target is recorded) as of
    /// <paramref name="asOf"/> (default: the latest recorded run's as-of date). Never merges targets.
    /// </summary>
    Task<TrialSummaryAnswer> GetSummaryAsync(string? target, DateOnly? asOf, CancellationToken cancellationToken);
}

/// <summary>Why a cohort report is or is not given.</summary>
public enum CohortTargetStatus
{
    /// <summary>The report of the named (or only) target.</summary>
    Reported,

    /// <summary>No subject status is recorded at all.</summary>
    NothingRecorded,

    /// <summary>The named target has no subject status recorded.</summary>
    UnknownTarget,

    /// <summary>Several targets are recorded and none was named: the caller must choose (see <see cref="TrialSummaryAnswer.Targets"/>).</summary>
    TargetRequired,
}

/// <summary>A cohort report request's answer: the summary when <see cref="Status"/> is Reported, and the targets recorded.</summary>
/// <param name="Status">Whether there is a report, and if not why.</param>
/// <param name="Summary">The summary, when reported.</param>
/// <param name="Targets">The targets with subjects recorded, in ordinal order.</param>
public sealed record TrialSummaryAnswer(CohortTargetStatus Status, TrialSummary? Summary, IReadOnlyList<string> Targets);
