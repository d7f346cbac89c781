using Interop.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Serve;

/// <summary>
/// The schedule of <c>serve</c>: one loop per target that waits (by <see cref="TimeProvider"/>) for the next cron occurrence
/// in the site's time zone and runs the target's sync to its end before computing the next occurrence from then, so a
/// long run never overlaps the next and missed occurrences are not stacked. At start, a target whose latest occurrence
/// passed after the start of its last completed run (or that never completed one) is caught up once, at once.
/// A catch-up or scheduled run refused because another process holds the EHR's run lease (a sync from the command line, or
/// one that crashed and left its lease) is tried again when that lease runs out, unless the next occurrence comes first.
/// On stop, no new run starts and the running syncs are cancelled, to stop at the next patient.
/// </summary>
internal sealed class SyncScheduler(
    SyncCoordinator coordinator,
    SyncSchedules schedules,
    StateStore store,
    SyncRunBoard board,
    SchedulerProbe probe,
    TimeProvider time,
    IOptions<ScheduleOptions> options,
    ILogger<SyncScheduler> logger) : BackgroundService
{
    /// <summary>The longest single timer (Task.Delay takes at most about 49 days): longer waits are re-checked against the clock.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(30);

    /// <summary>Added to the lease's end before a retry: processes sharing the store on other machines have their own clocks.</summary>
    private static readonly TimeSpan RetryMargin = TimeSpan.FromSeconds(2);

    /// <summary>Migrates the store before the host goes on (and so before the HTTP server takes a trigger), then starts the loops.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        if (await store.MarkAbandonedRunsAsync(cancellationToken) is var abandoned and > 0)
        {
            ServeLog.RunsAbandoned(logger, abandoned);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await coordinator.StopAsync();
        await base.StopAsync(cancellationToken);
        try
        {
            await coordinator.WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The shutdown timeout passed: the host stops anyway.
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(schedules.All.Select(s => RunLoopAsync(s, stoppingToken)));

    private async Task RunLoopAsync(TargetSchedule schedule, CancellationToken stoppingToken)
    {
        try
        {
            await CatchUpAsync(schedule, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (schedule.NextAfter(time.GetUtcNow()) is not { } due)
                {
                    ServeLog.NoNextOccurrence(logger, schedule.Target);
                    return;
                }

                ServeLog.NextRun(logger, schedule.Target, due, schedule.Cron, schedule.Zone.Id);
                await WaitUntilAsync(schedule.Target, due, stoppingToken);
                await RunAsync(schedule, "scheduled", stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CatchUpAsync(TargetSchedule schedule, CancellationToken stoppingToken)
    {
        var runs = await TargetRunHistory.ReadAsync(store, schedule.Target, stoppingToken);
        if (runs.LastCompleted is { } completed)
        {
            board.Succeeded(schedule.Target, completed.FinishedAt ?? completed.StartedAt);
        }

        var now = time.GetUtcNow();
        var missed = runs.LastCompleted is not { } last || schedule.HasOccurrence(last.StartedAt, now);
        if (options.Value.CatchUp && missed)
        {
            if (runs.LastCompleted is { } before)
            {
                ServeLog.CatchingUp(logger, schedule.Target, before.StartedAt);
            }
            else
            {
                ServeLog.CatchingUpFirstRun(logger, schedule.Target);
            }

            await RunAsync(schedule, "catch-up", stoppingToken);
        }
    }

    /// <summary>Runs the target now and, while another process's run lease refuses it, again when that lease runs out.</summary>
    private async Task RunAsync(TargetSchedule schedule, string trigger, CancellationToken stoppingToken)
    {
        var run = await coordinator.RunScheduledAsync(schedule.Target, trigger, stoppingToken);
        if (run.Outcome == SyncTriggerOutcome.AlreadyRunning && !stoppingToken.IsCancellationRequested)
        {
            ServeLog.ScheduledSkipped(logger, schedule.Target);
        }

        while (run.LeaseHeldUntil is { } heldUntil && !stoppingToken.IsCancellationRequested)
        {
            var retryAt = heldUntil + RetryMargin;
            if (schedule.NextAfter(time.GetUtcNow()) is { } next && next <= retryAt)
            {
                // The next occurrence comes first and is the retry.
                return;
            }

            ServeLog.RetryingAfterLease(logger, schedule.Target, retryAt);
            await WaitUntilAsync(schedule.Target, retryAt, stoppingToken);
            run = await coordinator.RunScheduledAsync(schedule.Target, "lease-retry", stoppingToken);
        }
    }

    private async Task WaitUntilAsync(string target, DateTimeOffset due, CancellationToken stoppingToken)
    {
        var announced = false;
        for (var left = due - time.GetUtcNow(); left > TimeSpan.Zero; left = due - time.GetUtcNow())
        {
            // Whole milliseconds, rounded up: a timer cannot wait less, and a shorter request would spin.
            var wait = TimeSpan.FromMilliseconds(Math.Ceiling((left < MaxWait ? left : MaxWait).TotalMilliseconds));
            var delay = Task.Delay(wait, time, stoppingToken);
            if (!announced)
            {
                // Told once the timer exists, so a test moving the fake clock from here cannot slip in before it.
                probe.Waiting?.Invoke(target, due);
                announced = true;
            }

            await delay;
        }

        if (!announced)
        {
            probe.Waiting?.Invoke(target, due);
        }
    }
}
