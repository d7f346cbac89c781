namespace Interop.Store.Tests;

public sealed class RunLeaseTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task TryAcquireRunLeaseAsync_HeldByAnother_IsRefusedUntilExpiry()
    {
        using var db = await TestDatabase.MigratedAsync();
        var other = db.Open();

        Assert.True(await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct));
        Assert.False(await other.TryAcquireRunLeaseAsync("ehr-a", "host-2", Ttl, Ct));
        db.Time.Advance(Ttl - TimeSpan.FromSeconds(1));
        Assert.False(await other.TryAcquireRunLeaseAsync("ehr-a", "host-2", Ttl, Ct));
        db.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await other.TryAcquireRunLeaseAsync("ehr-a", "host-2", Ttl, Ct));
        Assert.False(await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct));
    }

    [Fact]
    public async Task TryAcquireRunLeaseAsync_SameHolderAgain_RenewsIt()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct);
        db.Time.Advance(TimeSpan.FromMinutes(20));

        Assert.True(await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct));
        db.Time.Advance(TimeSpan.FromMinutes(20));

        Assert.False(await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-2", Ttl, Ct));
    }

    [Fact]
    public async Task TryAcquireRunLeaseAsync_OtherEhr_IsIndependent()
    {
        using var db = await TestDatabase.MigratedAsync();

        Assert.True(await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct));
        Assert.True(await db.Store.TryAcquireRunLeaseAsync("ehr-b", "host-2", Ttl, Ct));
    }

    [Fact]
    public async Task ReleaseRunLeaseAsync_ByHolder_FreesIt_ByOther_DoesNot()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct);

        Assert.False(await db.Store.ReleaseRunLeaseAsync("ehr-a", "host-2", Ct));
        Assert.False(await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-2", Ttl, Ct));
        Assert.True(await db.Store.ReleaseRunLeaseAsync("ehr-a", "host-1", Ct));
        Assert.True(await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-2", Ttl, Ct));
    }

    [Fact]
    public async Task TryAcquireRunLeaseAsync_ManyContendersAtOnce_ExactlyOneWins()
    {
        using var db = await TestDatabase.MigratedAsync();
        var stores = Enumerable.Range(0, 8).Select(_ => db.Open()).ToList();

        var results = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.TryAcquireRunLeaseAsync("ehr-a", $"host-{i}", Ttl, Ct))));

        Assert.Single(results, r => r);
    }
    [Fact]
    public async Task RenewRunLeaseAsync_StillHeld_ExtendsItFromNow()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct);
        db.Time.Advance(TimeSpan.FromMinutes(20));

        Assert.True(await db.Store.RenewRunLeaseAsync("ehr-a", "host-1", Ttl, Ct));

        var lease = await db.Store.GetRunLeaseAsync("ehr-a", Ct);
        Assert.Equal(new RunLease("ehr-a", "host-1", TestDatabase.Start, TestDatabase.Start + TimeSpan.FromMinutes(20) + Ttl), lease);
    }

    [Fact]
    public async Task RenewRunLeaseAsync_RanOutButNotTaken_RenewsIt()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct);
        db.Time.Advance(Ttl + TimeSpan.FromMinutes(5));

        Assert.True(await db.Store.RenewRunLeaseAsync("ehr-a", "host-1", Ttl, Ct));
        Assert.False(await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-2", Ttl, Ct));
    }

    [Fact]
    public async Task RenewRunLeaseAsync_TakenByAnother_IsFalseAndLeavesTheirs()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct);
        db.Time.Advance(Ttl);
        Assert.True(await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-2", Ttl, Ct));

        Assert.False(await db.Store.RenewRunLeaseAsync("ehr-a", "host-1", Ttl, Ct));

        Assert.Equal("host-2", (await db.Store.GetRunLeaseAsync("ehr-a", Ct))!.Holder);
    }

    [Fact]
    public async Task RenewRunLeaseAsync_ReleasedMeanwhile_IsFalseAndTakesNothing()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.TryAcquireRunLeaseAsync("ehr-a", "host-1", Ttl, Ct);
        await db.Store.ReleaseRunLeaseAsync("ehr-a", "host-1", Ct);

        Assert.False(await db.Store.RenewRunLeaseAsync("ehr-a", "host-1", Ttl, Ct));
        Assert.Null(await db.Store.GetRunLeaseAsync("ehr-a", Ct));
    }
}
