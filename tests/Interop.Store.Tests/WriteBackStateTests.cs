namespace Interop.Store.Tests;

/// <summary>The write-back state: write intents, parked patients, outcome conflicts, drift-scan state, run drift records.</summary>
public sealed class WriteBackStateTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static OutcomeWriteIntent Intent(string patient, string code, string hash) =>
        new($"blinfant/{code}/{patient}", patient, hash, OutcomeStatus.Final, TestDatabase.Start);

    [Fact]
    public async Task RecordWriteIntentsAsync_ThenTheLedgerRecordsTheWrite_ClearsOnlyThoseIntents()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.RecordWriteIntentsAsync("ehr-a", [Intent("p1", "eligibility", "AA"), Intent("p1", "os-status", "bb"), Intent("p2", "eligibility", "cc")], Ct);

        await db.Store.UpsertLedgerAsync("ehr-a", [LedgerTests.Entry("p1", "eligibility", "aa")], Ct);

        Assert.Equal(["blinfant/os-status/p1"], (await db.Store.ListWriteIntentsAsync("ehr-a", "p1", Ct)).Select(i => i.OutcomeIdentifier));
        Assert.Equal(["p1", "p2"], (await db.Store.ListWriteIntentsAsync("ehr-a", Ct)).Select(i => i.PatientId));
    }

    [Fact]
    public async Task RecordWriteIntentsAsync_SameOutcomeAgain_ReplacesHashAndStatus()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.RecordWriteIntentsAsync("ehr-a", [Intent("p1", "eligibility", "aa")], Ct);

        await db.Store.RecordWriteIntentsAsync("ehr-a", [Intent("p1", "eligibility", "BB") with { Status = OutcomeStatus.Amended }], Ct);

        var intent = Assert.Single(await db.Store.ListWriteIntentsAsync("ehr-a", "p1", Ct));
        Assert.Equal(("bb", OutcomeStatus.Amended), (intent.ContentHash, intent.Status));
    }

    [Fact]
    public async Task ClearWriteIntentsAsync_Patient_ClearsOnlyTheirs()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.RecordWriteIntentsAsync("ehr-a", [Intent("p1", "eligibility", "aa"), Intent("p2", "eligibility", "bb")], Ct);

        await db.Store.ClearWriteIntentsAsync("ehr-a", "p1", Ct);

        Assert.Equal(["p2"], (await db.Store.ListWriteIntentsAsync("ehr-a", Ct)).Select(i => i.PatientId));
    }

    [Fact]
    public async Task ParkPendingPatientAsync_Queued_ParksOnceAndKeepsItThroughFurtherFailures()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.RecordPendingPatientAsync("ehr-a", "p1", "duplicate-outcome", Ct);

        Assert.True(await db.Store.ParkPendingPatientAsync("ehr-a", "p1", Ct));
        db.Time.Advance(TimeSpan.FromDays(1));
        await db.Store.ParkPendingPatientAsync("ehr-a", "p1", Ct);
        var again = await db.Store.RecordPendingPatientAsync("ehr-a", "p1", "duplicate-outcome", Ct);

        Assert.Equal((TestDatabase.Start, 2), (again.ParkedAt, again.Attempts));
        Assert.False(await db.Store.ParkPendingPatientAsync("ehr-a", "p9", Ct));
    }

    [Fact]
    public async Task SetOutcomeConflictsAsync_ReplacesThePatientsSetKeepingWhenFirstSeen()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.SetOutcomeConflictsAsync("ehr-a", "p1", [("blinfant/eligibility/p1", "duplicate-identifier", ["Observation/a", "Observation/b"]), ("blinfant/os-status/p1", "duplicate-identifier", ["Observation/c", "Observation/d"])], Ct);
        db.Time.Advance(TimeSpan.FromHours(1));

        await db.Store.SetOutcomeConflictsAsync("ehr-a", "p1", [("blinfant/eligibility/p1", "duplicate-identifier", ["Observation/a", "Observation/b", "Observation/e"])], Ct);

        var conflict = Assert.Single(await db.Store.ListOutcomeConflictsAsync("ehr-a", Ct));
        Assert.Equal(("blinfant/eligibility/p1", TestDatabase.Start, TestDatabase.Start.AddHours(1)), (conflict.OutcomeIdentifier, conflict.FirstSeenAt, conflict.LastSeenAt));
        Assert.Equal(["Observation/a", "Observation/b", "Observation/e"], conflict.ResourceIds);

        await db.Store.SetOutcomeConflictsAsync("ehr-a", "p1", [], Ct);
        Assert.Empty(await db.Store.ListOutcomeConflictsAsync(null, Ct));
    }

    [Fact]
    public async Task ListEditedOutsideAsync_OnlyRowsMarkedEdited()
    {
        using var db = await TestDatabase.MigratedAsync();
        var edited = LedgerTests.Entry("p1", "eligibility", "aa") with { EditedOutsideAt = TestDatabase.Start };
        await db.Store.UpsertLedgerAsync("ehr-a", [edited, LedgerTests.Entry("p1", "os-status", "bb")], Ct);

        var (ehr, entry) = Assert.Single(await db.Store.ListEditedOutsideAsync(null, Ct));

        Assert.Equal(("ehr-a", edited), (ehr, entry));
        Assert.Empty(await db.Store.ListEditedOutsideAsync("ehr-b", Ct));
    }

    [Fact]
    public async Task RecordDriftScanAsync_IncrementalAfterFull_KeepsTheLastFullReconcile()
    {
        using var db = await TestDatabase.MigratedAsync();
        Assert.Null(await db.Store.GetDriftScanAsync("ehr-a", Ct));

        await db.Store.RecordDriftScanAsync("ehr-a", TestDatabase.Start, TestDatabase.Start, Ct);
        await db.Store.RecordDriftScanAsync("ehr-a", TestDatabase.Start.AddDays(1), null, Ct);

        Assert.Equal(new DriftScanState(TestDatabase.Start.AddDays(1), TestDatabase.Start), await db.Store.GetDriftScanAsync("ehr-a", Ct));
    }

    [Fact]
    public async Task FinishRunAsync_WithDrift_IsCountedAndListedInOrder()
    {
        using var db = await TestDatabase.MigratedAsync();
        var run = await db.Store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, TimeSpan.FromMinutes(2), Ct);
        ServerDriftRecord[] drift =
        [
            new("deleted", "restored", "p1", "eligibility", ["Observation/a"]),
            new("duplicate-identifier", "parked", "p2", "os-status", ["Observation/b", "Observation/c"]),
        ];

        await db.Store.FinishRunAsync(run, new SyncRunCompletion(SyncRunStatus.Completed, 0, new SyncRunCounts(), []) { Drift = drift }, Ct);

        var detail = await db.Store.GetRunAsync(run, Ct);
        Assert.Equal(2, detail!.Run.DriftCount);
        Assert.Equal(drift.Select(d => (d.Kind, d.Action, d.PatientId, d.OutcomeCode, string.Join(' ', d.ResourceIds))),
            detail.Drift.Select(d => (d.Kind, d.Action, d.PatientId, d.OutcomeCode, string.Join(' ', d.ResourceIds))));
    }
}
