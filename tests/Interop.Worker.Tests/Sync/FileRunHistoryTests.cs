using Interop.Store;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.Sync;

/// <summary>File mode keeps the run history and each evaluated subject's trial status in the state store (issue 4).</summary>
public sealed class FileRunHistoryTests
{
    private const string AsOf = "2026-06-01";

    [Fact]
    public async Task Sync_SampleExport_RecordsTheRunAndEverySubjectsStatus()
    {
        using var folder = new TempFolder();
        var result = await RunAsync(folder, dryRun: false);
        Assert.Equal(ExitCodes.Success, result.ExitCode);

        var store = Open(folder);
        var run = Assert.Single((await store.ListRunsAsync(RunHistory.FileTarget, 0, 10, CancellationToken.None)).Items);
        Assert.Equal(SyncRunStatus.Completed, run.Status);
        Assert.Equal(SyncRunMode.File, run.Mode);
        Assert.Equal(ExitCodes.Success, run.ExitCode);

        var statuses = await store.ListSubjectStatusesAsync(new SubjectStatusQuery(Take: 1000), CancellationToken.None);
        Assert.Equal(run.Counts.Evaluated, statuses.Total);
        foreach (var expected in SampleExpectations.Load())
        {
            var status = statuses.Items.Single(s => s.PatientId == expected.PatientId);
            Assert.Equal(run.RunId, status.RunId);
            Assert.Equal(expected.Verdict, status.Verdict);
            Assert.Equal(expected.CourseState, status.CourseState);
            Assert.Equal(expected.MrdClass, status.MrdClass);
            Assert.Equal(expected.DfsStatus, status.DfsStatus);
            Assert.Equal(expected.RelapseSite, status.RelapseSite);
            Assert.Equal(expected.OsStatus, status.OsStatus);
            Assert.Equal(expected.NotMet.Order(), status.Criteria.Where(c => c.Status == "not-met").Select(c => c.CriterionId).Order());
            Assert.Equal(7, status.Criteria.Count);
            Assert.All(status.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
            Assert.Equal(status.CourseState != "not-started", status.Survival is not null);
        }
    }

    [Fact]
    public async Task Sync_Rerun_ReplacesEachStatusWithTheNewRunsAndKeepsBothRuns()
    {
        using var folder = new TempFolder();
        await RunAsync(folder, dryRun: false);
        await RunAsync(folder, dryRun: false);

        var store = Open(folder);
        var runs = await store.ListRunsAsync(RunHistory.FileTarget, 0, 10, CancellationToken.None);
        Assert.Equal(2, runs.Total);
        var statuses = await store.ListSubjectStatusesAsync(new SubjectStatusQuery(Take: 1000), CancellationToken.None);
        Assert.Equal(runs.Items[0].Counts.Evaluated, statuses.Total);
        Assert.All(statuses.Items, s => Assert.Equal(runs.Items[0].RunId, s.RunId));
    }

    [Fact]
    public async Task Sync_DryRun_RecordsNothing()
    {
        using var folder = new TempFolder();
        var result = await RunAsync(folder, dryRun: true);
        Assert.Equal(ExitCodes.Success, result.ExitCode);

        Assert.False(File.Exists(folder.Combine("state.db")));
    }

    private static Task<CliResult> RunAsync(TempFolder folder, bool dryRun) => CliRunner.RunAsync(
        [
            "sync", "--once", "--source", RepositoryPaths.SampleExport, "--out", folder.Combine("out"),
            "--as-of", AsOf, "--site-map", RepositoryPaths.SampleSiteMap, .. dryRun ? new[] { "--dry-run" } : [],
        ],
        new Dictionary<string, string?> { ["Store:ConnectionString"] = StoreConnection(folder) });

    private static string StoreConnection(TempFolder folder) => $"Data Source={folder.Combine("state.db")};Pooling=False";

    private static StateStore Open(TempFolder folder) => StateStore.Create(new StoreOptions { ConnectionString = StoreConnection(folder) });
}
