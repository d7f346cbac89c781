using Interop.Ehr.Ndjson;

namespace Interop.Worker.Tests.Serve;

/// <summary>A failed run, expected or not, is logged and the schedule goes on with the next occurrence.</summary>
public sealed class ScheduleFailureTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Failures => ["unexpected", "source-folder"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Scheduler_RunFails_RunsAgainAtTheNextOccurrence(string kind)
    {
        FakeSyncJob? job = null;
        await using var harness = new ScheduleHarness(Start, new() { ["Schedule:CatchUp"] = "false" }, time => job = new FakeSyncJob(time)
        {
            Failure = () => kind == "unexpected" ? new InvalidOperationException("boom") : new SourceFolderException("no folder"),
        });
        await harness.StartAsync();

        var (_, first) = await harness.NextWaitAsync();
        harness.Time.SetUtcNow(first);
        await job!.NextStartedAsync();

        var (_, second) = await harness.NextWaitAsync();
        Assert.Equal(first.AddDays(1), second);
        harness.Time.SetUtcNow(second);
        Assert.Equal(second, (await job.NextStartedAsync()).At);
    }
}
