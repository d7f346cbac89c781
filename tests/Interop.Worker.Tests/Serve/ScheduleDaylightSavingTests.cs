namespace Interop.Worker.Tests.Serve;

/// <summary>The nightly schedule in Europe/Amsterdam across the daylight-saving changes of 2026 (29 March, 25 October).</summary>
public sealed class ScheduleDaylightSavingTests
{
    private static readonly Dictionary<string, string?> NoCatchUp = new() { ["Schedule:CatchUp"] = "false" };

    [Fact]
    public async Task Scheduler_DefaultCronAcrossSpringForward_RunsAt0200LocalEachNight()
    {
        // 02:00 CET is 01:00Z; 02:00 on 29 March does not exist and Cronos runs at 03:00 CEST (01:00Z); then 02:00 CEST is 00:00Z.
        await AssertRunsAsync(
            NoCatchUp,
            Utc(2026, 3, 27, 12, 0),
            [Utc(2026, 3, 28, 1, 0), Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 30, 0, 0), Utc(2026, 3, 31, 0, 0)],
            notRunAt: []);
    }

    [Fact]
    public async Task Scheduler_DefaultCronAcrossFallBack_RunsOnceAt0200LocalEachNight()
    {
        // 02:00 CEST is 00:00Z; on 25 October 02:00 happens twice and only the first (00:00Z) runs; then 02:00 CET is 01:00Z.
        await AssertRunsAsync(
            NoCatchUp,
            Utc(2026, 10, 23, 12, 0),
            [Utc(2026, 10, 24, 0, 0), Utc(2026, 10, 25, 0, 0), Utc(2026, 10, 26, 1, 0), Utc(2026, 10, 27, 1, 0)],
            notRunAt: [Utc(2026, 10, 25, 1, 0)]);
    }

    [Fact]
    public async Task Scheduler_0230OnSpringForwardNight_RunsOnceShiftedTo0300Cest()
    {
        var settings = new Dictionary<string, string?>(NoCatchUp) { ["Schedule:Cron"] = "30 2 * * *" };
        await AssertRunsAsync(
            settings,
            Utc(2026, 3, 27, 12, 0),
            [Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 30, 0, 30)],
            notRunAt: [Utc(2026, 3, 29, 1, 30)]);
    }

    [Fact]
    public async Task Scheduler_0230OnFallBackNight_RunsOnceNotTwice()
    {
        var settings = new Dictionary<string, string?>(NoCatchUp) { ["Schedule:Cron"] = "30 2 * * *" };
        await AssertRunsAsync(
            settings,
            Utc(2026, 10, 24, 12, 0),
            [Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 26, 1, 30)],
            notRunAt: [Utc(2026, 10, 25, 1, 30)]);
    }

    [Fact]
    public async Task Scheduler_TargetOverride_UsesItsOwnCron()
    {
        var settings = new Dictionary<string, string?>(NoCatchUp) { ["Schedule:Targets:file"] = "15 6 * * 1" };
        await AssertRunsAsync(settings, Utc(2026, 3, 27, 12, 0), [Utc(2026, 3, 30, 4, 15), Utc(2026, 4, 6, 4, 15)], notRunAt: []);
    }

    /// <summary>Steps the clock to just before and then exactly to each expected run, and through <paramref name="notRunAt"/>.</summary>
    private static async Task AssertRunsAsync(
        Dictionary<string, string?> settings, DateTimeOffset start, DateTimeOffset[] expected, DateTimeOffset[] notRunAt)
    {
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(start, settings, time => job = new FakeSyncJob(time));
        await harness.StartAsync();
        var pendingQuiet = new Queue<DateTimeOffset>(notRunAt.Order());
        foreach (var instant in expected)
        {
            var (target, due) = await harness.NextWaitAsync();
            Assert.Equal(("file", instant), (target, due));
            while (pendingQuiet.TryPeek(out var quiet) && quiet < instant)
            {
                harness.Time.SetUtcNow(pendingQuiet.Dequeue());
            }

            harness.Time.SetUtcNow(instant - TimeSpan.FromSeconds(1));
            Assert.False(job!.HasUnread, $"a run started before {instant:O}");
            harness.Time.SetUtcNow(instant);
            var run = await job.NextStartedAsync();
            Assert.Equal(instant, run.At);
        }

        Assert.Equal(expected.Length, job!.Started);
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
