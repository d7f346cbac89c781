using System.Globalization;
using Interop.Store;
using Interop.Worker.Serve;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Health;

/// <summary>
/// A target's last run: healthy while every scheduled occurrence more than <see cref="HealthOptions.RunGrace"/> ago has a
/// completed run started after it; degraded when stale, when the newest run failed or was abandoned, or when none has completed yet
/// (a fresh install is not broken, only not yet useful).
/// </summary>
internal sealed class TargetRunHealthCheck(string target, SyncSchedules schedules, StateStore store, TimeProvider time, IOptions<HealthOptions> options)
    : IHealthCheck
{
    public static string NameOf(string target) => "run:" + target;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        TargetRuns runs;
        try
        {
            runs = await TargetRunHistory.ReadAsync(store, target, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The store check reports the store; here only that the history could not be read (its message stays out).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"The run history could not be read ({ex.GetType().Name}).");
        }

        return Assess(schedules.Of(target), runs, time.GetUtcNow(), options.Value.RunGrace);
    }

    public static HealthCheckResult Assess(TargetSchedule schedule, TargetRuns runs, DateTimeOffset now, TimeSpan grace)
    {
        if (runs.Latest is not { } latest)
        {
            return HealthCheckResult.Degraded("No run yet.");
        }

        if (latest.Status == SyncRunStatus.Failed)
        {
            return HealthCheckResult.Degraded($"The last run, started {Format(latest.StartedAt)}, failed.");
        }

        if (latest.Status == SyncRunStatus.Abandoned)
        {
            return HealthCheckResult.Degraded($"The last run, started {Format(latest.StartedAt)}, was abandoned: its process stopped without finishing it.");
        }

        if (runs.LastCompleted is not { } completed)
        {
            return HealthCheckResult.Degraded("No completed run yet.");
        }

        // Stale when an occurrence that passed more than the grace ago has no completed run started after it.
        return schedule.HasOccurrenceBefore(completed.StartedAt, now - grace)
            ? HealthCheckResult.Degraded($"Stale: the last completed run started {Format(completed.StartedAt)}; a scheduled run since is more than {grace} overdue.")
            : HealthCheckResult.Healthy($"The last completed run started {Format(completed.StartedAt)}.");
    }

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
