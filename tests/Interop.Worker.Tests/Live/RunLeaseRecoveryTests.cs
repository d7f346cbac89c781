using Interop.Store;
using Interop.Sync.Lease;
using Interop.Sync.Live;
using Microsoft.Extensions.Time.Testing;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Live;

/// <summary>
/// Crash recovery against the real local FHIR server, on a fake clock for the store and the runs: a crashed run blocks the
/// next sync of its EHR for no more than the lease TTL, and a run that loses its lease stops before its next write.
/// </summary>
public sealed class RunLeaseRecoveryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Sync_LeaseLeftByACrashedRun_RefusedUntilTheTtlThenWritesAndMarksTheCrashedRunAbandoned()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ehr = await LiveEhr.StartAsync(time: time);
        var crashedAt = time.GetUtcNow();
        var ttl = ehr.LeaseOptions.Ttl;

        // What a process killed mid-run leaves behind: its lease and its running run, never renewed again.
        Assert.True(await ehr.Store.TryAcquireRunLeaseAsync(LiveEhr.EhrName, "gone-host/4242/0197d2b0c0de7000a000000000000001", ttl, Ct));
        var crashed = await ehr.Store.StartRunAsync(LiveEhr.EhrName, SyncRunMode.Live, crashedAt, ttl, Ct);

        time.Advance(ttl - TimeSpan.FromSeconds(1));
        var refused = await Assert.ThrowsAsync<LiveSyncLeaseException>(() => ehr.SyncAsync());
        Assert.Equal(crashedAt + ttl, refused.HeldUntil);
        Assert.Empty(await ehr.OutcomesAsync());

        time.Advance(TimeSpan.FromSeconds(1));
        var report = await ehr.SyncAsync();

        Assert.True(report.OutcomesWritten > 0);
        Assert.Equal(report.OutcomesWritten, (await ehr.OutcomesAsync()).Count);
        var runs = (await ehr.Store.ListRunsAsync(LiveEhr.EhrName, 0, 10, Ct)).Items;
        Assert.Equal([SyncRunStatus.Completed, SyncRunStatus.Abandoned], runs.Select(r => r.Status));
        Assert.Equal((crashed, crashedAt + ttl), (runs[1].RunId, runs[1].FinishedAt!.Value));
        Assert.Null(await ehr.Store.GetRunLeaseAsync(LiveEhr.EhrName, Ct));
    }

    [Fact]
    public async Task Sync_LeaseTakenOverMidRun_StopsBeforeItsNextWriteAndLeavesTheOtherHoldersLease()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ehr = await LiveEhr.StartAsync(time: time);
        using var lost = new ManualResetEventSlim();
        ehr.LeaseRenewed = (_, held) =>
        {
            if (!held)
            {
                lost.Set();
            }
        };

        // After the first committed transaction another holder takes the lease (as if this run had stalled past its TTL),
        // and the heartbeat's next renewal finds it gone.
        var run = Task.Run(() => ehr.SyncAsync(afterTransaction: n =>
        {
            if (n != 1)
            {
                return;
            }

            var ours = ehr.Store.GetRunLeaseAsync(LiveEhr.EhrName, Ct).GetAwaiter().GetResult()!;
            ehr.Store.ReleaseRunLeaseAsync(LiveEhr.EhrName, ours.Holder, Ct).GetAwaiter().GetResult();
            Assert.True(ehr.Store.TryAcquireRunLeaseAsync(LiveEhr.EhrName, "other-host/7/run", ehr.LeaseOptions.Ttl, Ct).GetAwaiter().GetResult());
            time.Advance(ehr.LeaseOptions.RenewInterval);
            Assert.True(lost.Wait(TimeSpan.FromSeconds(30)));
        }));

        await Assert.ThrowsAsync<RunLeaseLostException>(() => run);

        Assert.Equal(1, await ehr.CountAsync("Provenance"));
        Assert.Equal("other-host/7/run", (await ehr.Store.GetRunLeaseAsync(LiveEhr.EhrName, Ct))!.Holder);
        Assert.Null(await ehr.Store.GetWatermarkAsync(LiveEhr.EhrName, Ct));
        Assert.Equal(SyncRunStatus.Failed, (await ehr.Store.GetLatestRunAsync(LiveEhr.EhrName, Ct))!.Status);
    }
}
