namespace Interop.Worker.Tests.Serve;

/// <summary>Stopping the host cancels the running sync and starts no other.</summary>
public sealed class ScheduleShutdownTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StopAsync_DuringScheduledRun_CancelsItAndStartsNoOther()
    {
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(Start, new() { ["Schedule:CatchUp"] = "false" }, time => job = new FakeSyncJob(time) { Hold = new() });
        await harness.StartAsync();
        var (_, due) = await harness.NextWaitAsync();
        harness.Time.SetUtcNow(due);
        var run = await job!.NextStartedAsync();

        await harness.Host.StopAsync();

        Assert.True(run.Token.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Coordinator.TriggerAsync(null, CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromDays(3));
        await Task.Delay(100);
        Assert.Equal(1, job.Started);
    }

    [Fact]
    public async Task StopAsync_DuringTriggeredRun_CancelsItAndWaitsForIt()
    {
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(Start, new() { ["Schedule:CatchUp"] = "false" }, time => job = new FakeSyncJob(time) { Hold = new() });
        await harness.StartAsync();
        await harness.Coordinator.TriggerAsync(null, CancellationToken.None);
        var run = await job!.NextStartedAsync();

        await harness.Host.StopAsync();

        Assert.True(run.Token.IsCancellationRequested);
        Assert.Equal(1, job.Started);
    }
}
