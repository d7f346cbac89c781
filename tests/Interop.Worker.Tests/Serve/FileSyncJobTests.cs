using System.Text.Json;
using Interop.Store;
using Interop.Sync;

namespace Interop.Worker.Tests.Serve;

/// <summary>The real <c>file</c> job over the bundled sample, run by the schedule's catch-up on a fresh install.</summary>
public sealed class FileSyncJobTests
{
    [Fact]
    public async Task Scheduler_FreshInstallWithoutEhrs_SyncsTheSampleFolderAndRecordsACompletedRun()
    {
        var now = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
        await using var harness = new ScheduleHarness(now, []);
        await harness.StartAsync();

        // The loop waits for the next night only once the catch-up run has ended.
        var (target, next) = await harness.NextWaitAsync(seconds: 180);
        Assert.Equal(("file", new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero)), (target, next));

        var reportPath = Path.Combine(harness.OutputFolder, FileSyncRunner.ReportFileName);
        Assert.True(File.Exists(reportPath), "run-report.json was not written");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        Assert.True(report.RootElement.GetProperty("patientsEvaluated").GetInt32() > 0);
        Assert.Equal(now, report.RootElement.GetProperty("asOf").GetDateTimeOffset());

        var run = await harness.Store.GetLatestRunAsync("file", CancellationToken.None);
        Assert.NotNull(run);
        Assert.Equal(SyncRunStatus.Completed, run.Status);
        Assert.Equal(SyncRunMode.File, run.Mode);
    }
}
