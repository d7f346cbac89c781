using Microsoft.Extensions.Time.Testing;

namespace Interop.Store.Tests;

/// <summary>The same store against a real PostgreSQL server: migrations, types, SQL translation, leases.</summary>
[Collection("postgres")]
public sealed class PostgreSqlStoreTests(PostgresCluster cluster)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<(StateStore Store, FakeTimeProvider Time, Func<StateStore> Open)> NewStoreAsync()
    {
        var time = new FakeTimeProvider(TestDatabase.Start);
        var options = new StoreOptions { Provider = "PostgreSql", ConnectionString = cluster.ConnectionString(PostgresCluster.NewDatabaseName()) };
        var store = StateStore.Create(options, time);
        await store.MigrateAsync(Ct);
        return (store, time, () => StateStore.Create(options, time));
    }

    [PostgresFact]
    public async Task MigrateAsync_NewDatabase_CreatesItAndIsIdempotent()
    {
        var (store, _, open) = await NewStoreAsync();

        await store.MigrateAsync(Ct);
        await open().MigrateAsync(Ct);

        Assert.Null(await store.GetWatermarkAsync("ehr-a", Ct));
    }

    [PostgresFact]
    public async Task Watermark_OffsetInstant_ReadsBackSameInstant()
    {
        var (store, _, _) = await NewStoreAsync();
        var value = new DateTimeOffset(2026, 2, 28, 23, 59, 59, 123, TimeSpan.FromHours(2));

        await store.AdvanceWatermarkAsync("ehr-a", value, Ct);
        await store.AdvanceWatermarkAsync("ehr-a", value.AddSeconds(-1), Ct);

        Assert.Equal(value, await store.GetWatermarkAsync("ehr-a", Ct));
    }

    [PostgresFact]
    public async Task Ledger_UpsertTwice_ReplacesAndLists()
    {
        var (store, _, _) = await NewStoreAsync();
        await store.UpsertLedgerAsync("ehr-a", [LedgerTests.Entry("p1", "mrd-class", "aa"), LedgerTests.Entry("p1", "eligibility", "bb")], Ct);

        await store.UpsertLedgerAsync("ehr-a", [LedgerTests.Entry("p1", "mrd-class", "cc", OutcomeStatus.Amended, "2")], Ct);

        var ledger = await store.GetLedgerAsync("ehr-a", "p1", Ct);
        Assert.Equal([LedgerTests.Entry("p1", "eligibility", "bb"), LedgerTests.Entry("p1", "mrd-class", "cc", OutcomeStatus.Amended, "2")], ledger);
        Assert.Equal(["blinfant/eligibility/p1", "blinfant/mrd-class/p1"], await store.ListOutcomeIdentifiersAsync("ehr-a", "p1", Ct));
    }

    [PostgresFact]
    public async Task PendingAndRuns_RoundTrip()
    {
        var (store, time, _) = await NewStoreAsync();
        await store.RecordPendingPatientAsync("ehr-a", "p1", "write-failed", Ct);
        var pending = await store.RecordPendingPatientAsync("ehr-a", "p1", "write-failed", Ct);
        var runId = await store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, TimeSpan.FromMinutes(2), Ct);
        time.Advance(TimeSpan.FromMinutes(3));
        QuarantinedRecord[] quarantined = [new("GET Observation?page=2", "Observation", "o1", "p1", "unknown unit")];

        await store.FinishRunAsync(runId, new SyncRunCompletion(SyncRunStatus.Completed, 3, new SyncRunCounts(RequestsMade: 7), quarantined), Ct);

        Assert.Equal(2, pending.Attempts);
        var detail = (await store.GetRunAsync(runId, Ct))!;
        Assert.Equal((SyncRunStatus.Completed, 3, 7, TestDatabase.Start.AddMinutes(3)), (detail.Run.Status, detail.Run.ExitCode!.Value, detail.Run.Counts.RequestsMade, detail.Run.FinishedAt!.Value));
        Assert.Equal(quarantined, detail.Quarantined);
        Assert.Equal(1, (await store.ListRunsAsync("ehr-a", 0, 10, Ct)).Total);
    }

    [PostgresFact]
    public async Task SubjectStatus_UpsertAndFilter_RoundTrips()
    {
        var (store, _, _) = await NewStoreAsync();
        await store.UpsertSubjectStatusesAsync([SubjectStatusTests.Status("ehr-a", "p1", "eligible", "on-study"), SubjectStatusTests.Status("ehr-a", "p2", "ineligible")], Ct);

        var page = await store.ListSubjectStatusesAsync(new SubjectStatusQuery("ehr-a", Verdict: "eligible"), Ct);

        var subject = Assert.Single(page.Items);
        Assert.Equal(("p1", "on-study", 2), (subject.PatientId, subject.ResearchSubjectStatus, subject.Criteria.Count));
    }

    [PostgresFact]
    public async Task Lease_ContendersAndExpiry_OneHolderAtATime()
    {
        var (store, time, open) = await NewStoreAsync();
        var ttl = TimeSpan.FromMinutes(10);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => open().TryAcquireRunLeaseAsync("ehr-a", $"host-{i}", ttl, Ct))));

        Assert.Single(results, r => r);
        Assert.False(await store.TryAcquireRunLeaseAsync("ehr-a", "late", ttl, Ct));
        time.Advance(ttl);
        Assert.True(await store.TryAcquireRunLeaseAsync("ehr-a", "late", ttl, Ct));
    }
    [PostgresFact]
    public async Task RunAndLeaseRenewal_CrashedRunAbandoned_LiveRunKept()
    {
        var (store, time, _) = await NewStoreAsync();
        var lease = TimeSpan.FromMinutes(2);
        var crashed = await store.StartRunAsync("ehr-a", SyncRunMode.Live, TestDatabase.Start, lease, Ct);
        var alive = await store.StartRunAsync("ehr-b", SyncRunMode.Live, TestDatabase.Start, lease, Ct);
        await store.TryAcquireRunLeaseAsync("ehr-b", "host-b", lease, Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await store.RenewRunAsync(alive, lease, Ct));
        Assert.True(await store.RenewRunLeaseAsync("ehr-b", "host-b", lease, Ct));
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, await store.MarkAbandonedRunsAsync(Ct));

        var crashedRun = (await store.GetRunAsync(crashed, Ct))!.Run;
        Assert.Equal((SyncRunStatus.Abandoned, TestDatabase.Start + lease), (crashedRun.Status, crashedRun.FinishedAt!.Value));
        Assert.Equal(SyncRunStatus.Running, (await store.GetRunAsync(alive, Ct))!.Run.Status);
        Assert.False(await store.RenewRunLeaseAsync("ehr-b", "someone-else", lease, Ct));
        Assert.Equal(new RunLease("ehr-b", "host-b", TestDatabase.Start, TestDatabase.Start + TimeSpan.FromMinutes(1) + lease), await store.GetRunLeaseAsync("ehr-b", Ct));
    }
}
