using Hl7.Fhir.Model;
using Interop.Store;
using Task = System.Threading.Tasks.Task;

namespace Interop.Sync.Tests;

/// <summary>The validation cache kept in the store: what passed is known next run, under the same profile set only.</summary>
public sealed class ValidationCacheTests
{
    [Fact]
    public async Task SaveThenLoad_SameProfileSet_KnownValid()
    {
        using var folder = new TempFolder();
        var store = await StoreAsync(folder);
        var cache = await ValidationCache.LoadAsync(store, CancellationToken.None);
        var hash = ValidationCache.HashOf(new Patient { Id = "p1" });
        Assert.False(cache.IsKnownValid(hash));
        cache.AddValid(hash);

        await cache.SaveAsync(store, CancellationToken.None);
        var next = await ValidationCache.LoadAsync(store, CancellationToken.None);

        Assert.True(next.IsKnownValid(hash));
        Assert.Equal(0, next.Added);
    }

    [Fact]
    public async Task Record_OtherProfileSet_ForgetsTheOldOne()
    {
        using var folder = new TempFolder();
        var store = await StoreAsync(folder);
        await store.RecordValidatedHashesAsync("old-profiles", ["a", "b"], CancellationToken.None);

        await store.RecordValidatedHashesAsync("new-profiles", ["a"], CancellationToken.None);

        Assert.Empty(await store.GetValidatedHashesAsync("old-profiles", CancellationToken.None));
        Assert.Equal(["a"], await store.GetValidatedHashesAsync("new-profiles", CancellationToken.None));
    }

    [Fact]
    public async Task Record_Twice_KeepsOneOfEach()
    {
        using var folder = new TempFolder();
        var store = await StoreAsync(folder);

        await store.RecordValidatedHashesAsync("profiles", ["a", "a", "b"], CancellationToken.None);
        await store.RecordValidatedHashesAsync("profiles", ["b", "c"], CancellationToken.None);

        Assert.Equal(["a", "b", "c"], (await store.GetValidatedHashesAsync("profiles", CancellationToken.None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HashOf_DifferentContent_DifferentHash()
    {
        Assert.Equal(ValidationCache.HashOf(new Patient { Id = "p1" }), ValidationCache.HashOf(new Patient { Id = "p1" }));
        Assert.NotEqual(ValidationCache.HashOf(new Patient { Id = "p1" }), ValidationCache.HashOf(new Patient { Id = "p2" }));
    }

    [Fact]
    public async Task Load_WithoutStore_Empty()
    {
        var cache = await ValidationCache.LoadAsync(null, CancellationToken.None);

        Assert.False(cache.IsKnownValid(ValidationCache.HashOf(new Patient { Id = "p1" })));
        await cache.SaveAsync(null, CancellationToken.None);
    }

    private static async Task<StateStore> StoreAsync(TempFolder folder)
    {
        var store = StateStore.Create(new StoreOptions { ConnectionString = $"Data Source={folder.Combine("state.db")}" });
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }
}
