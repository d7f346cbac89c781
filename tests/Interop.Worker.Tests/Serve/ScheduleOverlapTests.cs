using Interop.Worker.Serve;

namespace Interop.Worker.Tests.Serve;

/// <summary>Never two runs of one target at once: triggered and scheduled runs share one gate.</summary>
public sealed class ScheduleOverlapTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string?> NoCatchUp = new() { ["Schedule:CatchUp"] = "false" };

    [Fact]
    public async Task TriggerAsync_WhileRunning_IsAlreadyRunningAndStartsNothing()
    {
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(Start, NoCatchUp, time => job = new FakeSyncJob(time) { Hold = new() });
        await harness.StartAsync();

        Assert.Equal(new SyncTriggerResult(SyncTriggerOutcome.Started, "file"), await harness.Coordinator.TriggerAsync(null, CancellationToken.None));
        await job!.NextStartedAsync();
        Assert.Equal(new SyncTriggerResult(SyncTriggerOutcome.AlreadyRunning, "file"), await harness.Coordinator.TriggerAsync("file", CancellationToken.None));
        Assert.Equal(1, job.Started);

        job.Hold!.SetResult();
        job.Hold = null;
        var again = await RetryAsync(() => harness.Coordinator.TriggerAsync("FILE", CancellationToken.None));
        Assert.Equal(new SyncTriggerResult(SyncTriggerOutcome.Started, "file"), again);
        await job.NextStartedAsync();
    }

    [Theory]
    [InlineData("epic-prod")]
    [InlineData("")]
    public async Task TriggerAsync_UnknownTarget_IsUnknownTarget(string target)
    {
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(Start, NoCatchUp, time => job = new FakeSyncJob(time));
        await harness.StartAsync();

        Assert.Equal(new SyncTriggerResult(SyncTriggerOutcome.UnknownTarget, null), await harness.Coordinator.TriggerAsync(target, CancellationToken.None));
        Assert.Equal(0, job!.Started);
    }

    [Fact]
    public async Task Scheduler_OccurrenceDuringLongRun_StartsNoSecondRunAndComputesTheNextAfterItEnds()
    {
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(Start, NoCatchUp, time => job = new FakeSyncJob(time) { Hold = new() });
        await harness.StartAsync();

        var (_, first) = await harness.NextWaitAsync();
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), first);
        harness.Time.SetUtcNow(first);
        await job!.NextStartedAsync();

        // The run lasts past the next night's 02:00 CET.
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(new SyncTriggerResult(SyncTriggerOutcome.AlreadyRunning, "file"), await harness.Coordinator.TriggerAsync(null, CancellationToken.None));
        job.Hold!.SetResult();

        var (_, next) = await harness.NextWaitAsync();
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 1, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(1, job.Started);
        Assert.False(job.HasUnread);
    }

    private static async Task<SyncTriggerResult> RetryAsync(Func<Task<SyncTriggerResult>> trigger)
    {
        // The gate is released just after the job returns, on another thread.
        for (var attempt = 0; ; attempt++)
        {
            var result = await trigger();
            if (result.Outcome != SyncTriggerOutcome.AlreadyRunning || attempt == 200)
            {
                return result;
            }

            await Task.Delay(25);
        }
    }
}
