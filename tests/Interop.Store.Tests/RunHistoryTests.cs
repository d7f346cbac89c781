namespace Interop.Store.Tests;

public sealed class RunHistoryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task FinishRunAsync_WithQuarantine_GetRunReturnsCountsAndRecordsInOrder()
    {
        using var db = await TestDatabase.MigratedAsync();
        var asOf = new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.FromHours(1));
        var runId = await db.Store.StartRunAsync("file", SyncRunMode.File, asOf, Ct);
        db.Time.Advance(TimeSpan.FromSeconds(42));
        QuarantinedRecord[] quarantined =
        [
            new("Observation.ndjson:12", "Observation", "o-12", "p1", "effectiveDateTime is not a valid dateTime"),
            new("Patient.ndjson:3", null, null, null, "line is not JSON"),
        ];
        var counts = new SyncRunCounts(ResourcesRead: 120, PatientsScreened: 10, Evaluated: 9, Withheld: 1, OutcomesWritten: 40, OutcomesUnchanged: 5, RequestsMade: 0);

        await db.Store.FinishRunAsync(runId, new SyncRunCompletion(SyncRunStatus.Completed, 3, counts, quarantined), Ct);

        var detail = await db.Open().GetRunAsync(runId, Ct);
        Assert.NotNull(detail);
        var expected = new SyncRun(runId, "file", SyncRunMode.File, SyncRunStatus.Completed, TestDatabase.Start,
            TestDatabase.Start.AddSeconds(42), asOf, counts, 2, 3);
        Assert.Equal(expected, detail.Run);
        Assert.Equal(quarantined, detail.Quarantined);
    }

    [Fact]
    public async Task FinishRunAsync_WithWarnings_GetRunReturnsThemInOrderWithTheirCount()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("file", SyncRunMode.File, TestDatabase.Start, Ct);
        RunWarning[] warnings =
        [
            new("Observation.ndjson:7", "Observation", "o-7", "p1", "interpretation-only-answer", "the answer was read from interpretation"),
            new("evaluation", "MedicationAdministration", "ma-2", "p2", "open-ended-infusion-bounded", "counted up to the plausible bag length"),
        ];

        await db.Store.FinishRunAsync(runId, new SyncRunCompletion(SyncRunStatus.Completed, 0, new SyncRunCounts(), []) { Warnings = warnings }, Ct);

        var detail = await db.Open().GetRunAsync(runId, Ct);
        Assert.Equal(warnings, detail!.Warnings);
        Assert.Equal(2, detail.Run.WarningCount);
        Assert.Equal(2, (await db.Store.GetLatestRunAsync("file", Ct))!.WarningCount);
    }

    [Fact]
    public async Task StartRunAsync_NotFinished_IsRunningWithoutExitCode()
    {
        using var db = await TestDatabase.MigratedAsync();

        var runId = await db.Store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, Ct);

        var run = (await db.Store.GetRunAsync(runId, Ct))!.Run;
        Assert.Equal((SyncRunStatus.Running, (int?)null, (DateTimeOffset?)null), (run.Status, run.ExitCode, run.FinishedAt));
        Assert.Equal(runId, (await db.Store.GetLatestRunAsync("ehr-a", Ct))!.RunId);
    }

    [Fact]
    public async Task FinishRunAsync_Twice_Throws()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("ehr-a", SyncRunMode.DryRun, TestDatabase.Start, Ct);
        var completion = new SyncRunCompletion(SyncRunStatus.Failed, 1, new SyncRunCounts(), []);
        await db.Store.FinishRunAsync(runId, completion, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Store.FinishRunAsync(runId, completion, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Store.FinishRunAsync(Guid.NewGuid(), completion, Ct));
    }

    [Fact]
    public async Task ListRunsAsync_Paged_NewestFirstWithTotal()
    {
        using var db = await TestDatabase.MigratedAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await db.Store.StartRunAsync(i % 2 == 0 ? "ehr-a" : "ehr-b", SyncRunMode.Live, TestDatabase.Start, Ct));
            db.Time.Advance(TimeSpan.FromHours(1));
        }

        var first = await db.Store.ListRunsAsync(null, 0, 2, Ct);
        var second = await db.Store.ListRunsAsync(null, 2, 2, Ct);
        var ehrA = await db.Store.ListRunsAsync("ehr-a", 0, 10, Ct);

        Assert.Equal(5, first.Total);
        Assert.Equal([ids[4], ids[3]], first.Items.Select(r => r.RunId));
        Assert.Equal([ids[2], ids[1]], second.Items.Select(r => r.RunId));
        Assert.Equal([ids[4], ids[2], ids[0]], ehrA.Items.Select(r => r.RunId));
        Assert.Equal(3, ehrA.Total);
    }

    [Fact]
    public async Task GetRunAsync_Unknown_ReturnsNull()
    {
        using var db = await TestDatabase.MigratedAsync();

        Assert.Null(await db.Store.GetRunAsync(Guid.NewGuid(), Ct));
    }
}
