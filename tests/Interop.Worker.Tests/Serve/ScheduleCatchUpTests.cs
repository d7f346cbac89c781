namespace Interop.Worker.Tests.Serve;

/// <summary>At start, a missed occurrence is made up once, at once.</summary>
public sealed class ScheduleCatchUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestOccurrence = new(2026, 3, 3, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextOccurrence = new(2026, 3, 4, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Scheduler_LastCompletedRunBeforeSeveralOccurrences_CatchesUpOnceAtStart()
    {
        var (job, next) = await StartAsync(lastCompletedRun: new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), settings: []);
        Assert.Equal(NextOccurrence, next);
        Assert.Equal(Now, Assert.Single(job.Runs).At);
    }

    [Fact]
    public async Task Scheduler_LastCompletedRunJustBeforeLatestOccurrence_CatchesUp()
    {
        var (job, _) = await StartAsync(lastCompletedRun: LatestOccurrence - TimeSpan.FromTicks(1), settings: []);
        Assert.Single(job.Runs);
    }

    [Fact]
    public async Task Scheduler_LastCompletedRunStartedAtLatestOccurrence_DoesNotCatchUp()
    {
        var (job, next) = await StartAsync(lastCompletedRun: LatestOccurrence, settings: []);
        Assert.Equal(NextOccurrence, next);
        Assert.Empty(job.Runs);
    }

    [Fact]
    public async Task Scheduler_LastCompletedRunAfterLatestOccurrence_DoesNotCatchUp()
    {
        var (job, _) = await StartAsync(lastCompletedRun: LatestOccurrence + TimeSpan.FromMinutes(30), settings: []);
        Assert.Empty(job.Runs);
    }

    [Fact]
    public async Task Scheduler_NeverRun_CatchesUpAtStart()
    {
        var (job, _) = await StartAsync(lastCompletedRun: null, settings: []);
        Assert.Equal(Now, Assert.Single(job.Runs).At);
    }

    [Fact]
    public async Task Scheduler_CatchUpOff_WaitsForTheNextOccurrence()
    {
        var (job, next) = await StartAsync(lastCompletedRun: null, settings: new() { ["Schedule:CatchUp"] = "false" });
        Assert.Equal(NextOccurrence, next);
        Assert.Empty(job.Runs);
    }

    /// <summary>Starts the schedule at <see cref="Now"/> and returns the job once the loop waits for its next occurrence.</summary>
    private static async Task<(FakeSyncJob Job, DateTimeOffset Next)> StartAsync(DateTimeOffset? lastCompletedRun, Dictionary<string, string?> settings)
    {
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(lastCompletedRun ?? Now, settings, time => job = new FakeSyncJob(time));
        if (lastCompletedRun is not null)
        {
            await harness.SeedCompletedRunAsync("file");
            harness.Time.SetUtcNow(Now);
        }

        await harness.StartAsync();
        var (_, next) = await harness.NextWaitAsync();
        return (job!, next);
    }
}
