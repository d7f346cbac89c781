using System.Threading.Channels;
using Interop.Store;
using Interop.Testing;
using Interop.Sync.Lease;
using Interop.Sync.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Worker.Tests.Sync;

/// <summary>
/// Runs' leases over a fake clock and a SQLite store: a heartbeat keeps a live run's lease for as long as it runs, a crashed
/// run (a lease left by a holder that is gone) blocks the next for no more than the TTL, and a run that loses its lease knows.
/// </summary>
public sealed class RunLeasesTests : IDisposable
{
    private const string Ehr = "hospital";
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 1, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly RunLeaseOptions _options = new();
    private readonly Channel<bool> _renewals = Channel.CreateUnbounded<bool>();

    public RunLeasesTests()
    {
        Store = Open();
        Store.MigrateAsync(Ct).GetAwaiter().GetResult();
        Leases = new RunLeases(Store, _time, Options.Create(_options), NullLogger<RunLeases>.Instance)
        {
            Renewed = (_, held) => _renewals.Writer.TryWrite(held),
        };
    }

    private StateStore Store { get; }

    private RunLeases Leases { get; }

    private string DatabasePath => _folder.Combine("state.db");

    [Fact]
    public async Task BeginAsync_Exclusive_HeartbeatKeepsTheLeaseLongPastItsTtl()
    {
        await using var run = await Leases.BeginAsync(Ehr, SyncRunMode.Live, T0, exclusive: true, Ct);

        for (var beat = 1; beat <= 10; beat++)
        {
            Assert.True(await BeatAsync());
        }

        var now = T0 + (_options.RenewInterval * 10);
        Assert.False(await Open().TryAcquireRunLeaseAsync(Ehr, "another-host/1/run", _options.Ttl, Ct));
        Assert.Equal(now + _options.Ttl, (await Store.GetRunLeaseAsync(Ehr, Ct))!.ExpiresAt);
        Assert.Equal(SyncRunStatus.Running, (await Store.GetRunAsync(run.RunId, Ct))!.Run.Status);
        run.ThrowIfLeaseLost();
    }

    [Fact]
    public async Task BeginAsync_LeaseLeftByAHolderThatIsGone_RefusedUntilItsTtlThenRuns()
    {
        // What a process killed mid-run leaves: its lease and its run, never renewed again.
        Assert.True(await Store.TryAcquireRunLeaseAsync(Ehr, "gone-host/4242/crashed", _options.Ttl, Ct));
        var crashed = await Store.StartRunAsync(Ehr, SyncRunMode.Live, T0, _options.Ttl, Ct);

        _time.Advance(_options.Ttl - TimeSpan.FromSeconds(1));
        var refused = await Assert.ThrowsAsync<LiveSyncLeaseException>(() => Leases.BeginAsync(Ehr, SyncRunMode.Live, T0, exclusive: true, Ct));
        Assert.Equal(T0 + _options.Ttl, refused.HeldUntil);
        Assert.Equal(1, (await Store.ListRunsAsync(Ehr, 0, 10, Ct)).Total);

        _time.Advance(TimeSpan.FromSeconds(1));
        await using var next = await Leases.BeginAsync(Ehr, SyncRunMode.Live, T0, exclusive: true, Ct);

        var gone = (await Store.GetRunAsync(crashed, Ct))!.Run;
        Assert.Equal((SyncRunStatus.Abandoned, T0 + _options.Ttl), (gone.Status, gone.FinishedAt!.Value));
        Assert.Equal(SyncRunStatus.Running, (await Store.GetRunAsync(next.RunId, Ct))!.Run.Status);
        Assert.Equal(TimeSpan.FromMinutes(2), _options.Ttl);
    }

    [Fact]
    public async Task Heartbeat_LeaseTakenOverByAnotherHolder_RunMayNoLongerWriteAndStopsRenewing()
    {
        await using var run = await Leases.BeginAsync(Ehr, SyncRunMode.Live, T0, exclusive: true, Ct);
        var ours = (await Store.GetRunLeaseAsync(Ehr, Ct))!;
        await Store.ReleaseRunLeaseAsync(Ehr, ours.Holder, Ct);
        Assert.True(await Store.TryAcquireRunLeaseAsync(Ehr, "intruder/1/run", _options.Ttl, Ct));

        Assert.False(await BeatAsync());

        Assert.Throws<RunLeaseLostException>(run.ThrowIfLeaseLost);
        _time.Advance(_options.RenewInterval);
        Assert.Equal(new RunLease(Ehr, "intruder/1/run", T0, T0 + _options.Ttl), await Store.GetRunLeaseAsync(Ehr, Ct));
        Assert.False(_renewals.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Heartbeat_StoreUnreachableForAWholeTtl_RunMayNoLongerWrite()
    {
        await using var run = await Leases.BeginAsync(Ehr, SyncRunMode.Live, T0, exclusive: true, Ct);

        // The database disappears under the run: every renewal fails from now on.
        foreach (var file in Directory.GetFiles(_folder.Path, "state.db*"))
        {
            File.Delete(file);
        }

        var beats = (int)(_options.Ttl / _options.RenewInterval);
        for (var beat = 1; beat < beats; beat++)
        {
            Assert.True(await BeatAsync());
            run.ThrowIfLeaseLost();
        }

        Assert.False(await BeatAsync());
        Assert.Throws<RunLeaseLostException>(run.ThrowIfLeaseLost);
    }

    [Fact]
    public async Task FileRun_HeartbeatStops_ReadsAbandonedOnceItsTtlPassed()
    {
        Guid runId;
        await using (var run = await Leases.BeginAsync("file", SyncRunMode.File, T0, exclusive: false, Ct))
        {
            runId = run.RunId;
            for (var beat = 1; beat <= 8; beat++)
            {
                Assert.True(await BeatAsync());
            }

            Assert.Null(await Store.GetRunLeaseAsync("file", Ct));
            Assert.Equal(SyncRunStatus.Running, (await Store.GetRunAsync(runId, Ct))!.Run.Status);
        }

        // Its process is gone (nothing finished the run): the row's lease runs out, and it reads as abandoned.
        var lastBeat = T0 + (_options.RenewInterval * 8);
        _time.SetUtcNow(lastBeat + _options.Ttl - TimeSpan.FromTicks(1));
        Assert.Equal(SyncRunStatus.Running, (await Store.GetRunAsync(runId, Ct))!.Run.Status);
        _time.Advance(TimeSpan.FromTicks(1));
        var abandoned = (await Store.GetRunAsync(runId, Ct))!.Run;
        Assert.Equal((SyncRunStatus.Abandoned, lastBeat + _options.Ttl), (abandoned.Status, abandoned.FinishedAt!.Value));
    }

    public void Dispose() => _folder.Dispose();

    private StateStore Open() => StateStore.Create(new StoreOptions { ConnectionString = $"Data Source={DatabasePath};Pooling=False" }, _time);

    /// <summary>Moves the clock one renewal interval and returns whether the heartbeat's renewal kept the lease.</summary>
    private async Task<bool> BeatAsync()
    {
        _time.Advance(_options.RenewInterval);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _renewals.Reader.ReadAsync(timeout.Token);
    }
}
