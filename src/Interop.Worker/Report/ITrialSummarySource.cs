using Interop.Client.Contracts;

namespace Interop.Worker.Report;

/// <summary>The cohort report from the subjects' status in the state store (<c>report</c> verb and <c>/api/v1/trial/summary</c>).</summary>
public interface ITrialSummarySource
{
    /// <summary>The report as of <paramref name="asOf"/> (default: the latest recorded run's as-of date), or null when no subject was recorded yet.</summary>
    Task<TrialSummary?> GetSummaryAsync(DateOnly? asOf, CancellationToken cancellationToken);
}
