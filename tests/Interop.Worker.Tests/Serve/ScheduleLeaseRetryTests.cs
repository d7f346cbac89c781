using Interop.Sync.Live;

namespace Interop.Worker.Tests.Serve;

/// <summary>
/// A run refused because another process holds the EHR's run lease (a crashed run's lease, or a sync from the command line)
/// is tried again when that lease runs out, not only at the next night.
/// </summary>
public sealed class ScheduleLeaseRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextOccurrence = new(2026, 3, 4, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Scheduler_CatchUpRefusedByALease_RunsAgainWhenItRunsOut()
    {
        var heldUntil = Now + TimeSpan.FromSeconds(90);
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(Now, [], time => job = new FakeSyncJob(time) { Failure = () => Refused(job!, 1, heldUntil) });
        await harness.StartAsync();
        Assert.Equal(Now, (await job!.NextStartedAsync()).At);

        var (_, retry) = await harness.NextWaitAsync();
        Assert.Equal(heldUntil + Margin, retry);
        harness.Time.SetUtcNow(retry);

        Assert.Equal(retry, (await job.NextStartedAsync()).At);
        Assert.Equal(NextOccurrence, (await harness.NextWaitAsync()).Due);
        Assert.Equal(2, job.Started);
    }

    [Fact]
    public async Task Scheduler_ScheduledRunRefusedWhileTheHolderRenews_RetriesUntilItIsFree()
    {
        FakeSyncJob? job = null;
        var lease = TimeSpan.FromMinutes(2);
        await using var harness = new ScheduleHarness(Now, new() { ["Schedule:CatchUp"] = "false" }, time => job = new FakeSyncJob(time)
        {
            // The holder is alive: each refusal finds its lease renewed, until the second retry.
            Failure = () => job!.Started < 3 ? new LiveSyncLeaseException("held") { HeldUntil = time.GetUtcNow() + lease } : null,
        });
        await harness.StartAsync();
        var (_, due) = await harness.NextWaitAsync();
        Assert.Equal(NextOccurrence, due);

        harness.Time.SetUtcNow(due);
        await job!.NextStartedAsync();
        var (_, first) = await harness.NextWaitAsync();
        Assert.Equal(due + lease + Margin, first);
        harness.Time.SetUtcNow(first);
        await job.NextStartedAsync();
        var (_, second) = await harness.NextWaitAsync();
        Assert.Equal(first + lease + Margin, second);
        harness.Time.SetUtcNow(second);

        Assert.Equal(second, (await job.NextStartedAsync()).At);
        Assert.Equal(NextOccurrence.AddDays(1), (await harness.NextWaitAsync()).Due);
        Assert.Equal(3, job.Started);
    }

    [Fact]
    public async Task Scheduler_LeaseRunsOutAfterTheNextOccurrence_WaitsForTheOccurrence()
    {
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(Now, [], time => job = new FakeSyncJob(time) { Failure = () => Refused(job!, 1, NextOccurrence.AddHours(1)) });
        await harness.StartAsync();
        await job!.NextStartedAsync();

        Assert.Equal(NextOccurrence, (await harness.NextWaitAsync()).Due);
        Assert.Equal(1, job.Started);
    }

    private static LiveSyncLeaseException? Refused(FakeSyncJob job, int run, DateTimeOffset heldUntil) =>
        job.Started == run ? new LiveSyncLeaseException("Another sync holds the run lease") { HeldUntil = heldUntil } : null;
}
