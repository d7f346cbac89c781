namespace Interop.Store.Tests;

public sealed class RunHistoryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task FinishRunAsync_WithQuarantine_GetRunReturnsCountsAndRecordsInOrder()
    {
        using var db = await TestDatabase.MigratedAsync();
        var asOf = new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.FromHours(1));
        var runId = await db.Store.StartRunAsync("file", SyncRunMode.File, asOf, Lease, Ct);
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
    public async Task FinishRunAsync_WithRuleSet_GetRunAndListRunsReturnIt()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("file", SyncRunMode.File, TestDatabase.Start, Lease, Ct);
        var ruleSet = new RuleSetStamp("blinfant-rules-1.0", "sha256:0123456789abcdef0123456789abcdef");

        await db.Store.FinishRunAsync(runId, new SyncRunCompletion(SyncRunStatus.Completed, 0, new SyncRunCounts(), []) { RuleSet = ruleSet }, Ct);

        Assert.Equal(ruleSet, (await db.Open().GetRunAsync(runId, Ct))!.Run.RuleSet);
    }

    [Fact]
    public async Task FinishRunAsync_Failed_HasNoRuleSet()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("file", SyncRunMode.File, TestDatabase.Start, Lease, Ct);

        await db.Store.FinishRunAsync(runId, new SyncRunCompletion(SyncRunStatus.Failed, 1, new SyncRunCounts(), []), Ct);

        Assert.Null((await db.Open().GetRunAsync(runId, Ct))!.Run.RuleSet);
    }

    [Fact]
    public async Task FinishRunAsync_WithWarnings_GetRunReturnsThemInOrderWithTheirCount()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("file", SyncRunMode.File, TestDatabase.Start, Lease, Ct);
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

        var runId = await db.Store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, Lease, Ct);

        var run = (await db.Store.GetRunAsync(runId, Ct))!.Run;
        Assert.Equal((SyncRunStatus.Running, (int?)null, (DateTimeOffset?)null), (run.Status, run.ExitCode, run.FinishedAt));
        Assert.Equal(runId, (await db.Store.GetLatestRunAsync("ehr-a", Ct))!.RunId);
    }

    [Fact]
    public async Task FinishRunAsync_Twice_Throws()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("ehr-a", SyncRunMode.DryRun, TestDatabase.Start, Lease, Ct);
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
            ids.Add(await db.Store.StartRunAsync(i % 2 == 0 ? "ehr-a" : "ehr-b", SyncRunMode.Live, TestDatabase.Start, Lease, Ct));
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
    [Fact]
    public async Task ListRunsAsync_RunningRunWhoseLeaseRanOut_ReadsAbandonedFinishedWhenItRanOut()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, Lease, Ct);
        db.Time.Advance(Lease - TimeSpan.FromTicks(1));
        Assert.Equal(SyncRunStatus.Running, (await db.Store.GetRunAsync(runId, Ct))!.Run.Status);

        db.Time.Advance(TimeSpan.FromTicks(1));

        var run = Assert.Single((await db.Store.ListRunsAsync("ehr-a", 0, 10, Ct)).Items);
        Assert.Equal((SyncRunStatus.Abandoned, TestDatabase.Start + Lease, (int?)null), (run.Status, run.FinishedAt, run.ExitCode));
    }

    [Fact]
    public async Task MarkAbandonedRunsAsync_LapsedAndLiveRuns_MarksOnlyTheLapsed()
    {
        using var db = await TestDatabase.MigratedAsync();
        var crashed = await db.Store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, Lease, Ct);
        var finished = await db.Store.StartRunAsync("file", SyncRunMode.File, TestDatabase.Start, Lease, Ct);
        await db.Store.FinishRunAsync(finished, new SyncRunCompletion(SyncRunStatus.Completed, 0, new SyncRunCounts(), []), Ct);
        db.Time.Advance(Lease + TimeSpan.FromMinutes(1));
        var alive = await db.Store.StartRunAsync("ehr-b", SyncRunMode.Live, TestDatabase.Start, Lease, Ct);

        // Starting a run has marked the lapsed one already; a second sweep finds nothing more.
        Assert.Equal(0, await db.Store.MarkAbandonedRunsAsync(Ct));

        var statuses = (await db.Store.ListRunsAsync(null, 0, 10, Ct)).Items.ToDictionary(r => r.RunId, r => r.Status);
        Assert.Equal(SyncRunStatus.Abandoned, statuses[crashed]);
        Assert.Equal(SyncRunStatus.Completed, statuses[finished]);
        Assert.Equal(SyncRunStatus.Running, statuses[alive]);
    }

    [Fact]
    public async Task MarkAbandonedRunsAsync_LapsedRun_MarksItOnce()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, Lease, Ct);
        db.Time.Advance(Lease);

        Assert.Equal(1, await db.Store.MarkAbandonedRunsAsync(Ct));
        Assert.Equal(0, await db.Store.MarkAbandonedRunsAsync(Ct));
    }

    [Fact]
    public async Task RenewRunAsync_BeforeItRunsOut_KeepsTheRunRunning()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, Lease, Ct);
        for (var beat = 0; beat < 10; beat++)
        {
            db.Time.Advance(Lease / 2);
            Assert.True(await db.Store.RenewRunAsync(runId, Lease, Ct));
        }

        Assert.Equal(0, await db.Store.MarkAbandonedRunsAsync(Ct));
        Assert.Equal(SyncRunStatus.Running, (await db.Store.GetRunAsync(runId, Ct))!.Run.Status);
    }

    [Fact]
    public async Task RenewRunAsync_MarkedAbandoned_RunsAgain_FinishedRun_IsFalse()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, Lease, Ct);
        db.Time.Advance(Lease);
        await db.Store.MarkAbandonedRunsAsync(Ct);

        Assert.True(await db.Store.RenewRunAsync(runId, Lease, Ct));
        var revived = (await db.Store.GetRunAsync(runId, Ct))!.Run;
        Assert.Equal((SyncRunStatus.Running, (DateTimeOffset?)null), (revived.Status, revived.FinishedAt));

        await db.Store.FinishRunAsync(runId, new SyncRunCompletion(SyncRunStatus.Failed, 1, new SyncRunCounts(), []), Ct);
        Assert.False(await db.Store.RenewRunAsync(runId, Lease, Ct));
        Assert.Equal(SyncRunStatus.Failed, (await db.Store.GetRunAsync(runId, Ct))!.Run.Status);
    }

    [Fact]
    public async Task FinishRunAsync_AbandonedRunThatFinishesAfterAll_RecordsHowItEnded()
    {
        using var db = await TestDatabase.MigratedAsync();
        var runId = await db.Store.StartRunAsync("file", SyncRunMode.File, TestDatabase.Start, Lease, Ct);
        db.Time.Advance(Lease * 3);
        await db.Store.MarkAbandonedRunsAsync(Ct);

        await db.Store.FinishRunAsync(runId, new SyncRunCompletion(SyncRunStatus.Completed, 0, new SyncRunCounts(), []), Ct);

        var run = (await db.Store.GetRunAsync(runId, Ct))!.Run;
        Assert.Equal((SyncRunStatus.Completed, TestDatabase.Start + (Lease * 3)), (run.Status, run.FinishedAt!.Value));
    }
}
