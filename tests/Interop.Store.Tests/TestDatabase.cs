using Microsoft.Extensions.Time.Testing;

namespace Interop.Store.Tests;

/// <summary>A state store on a SQLite file in its own temp folder, with a fake clock.</summary>
internal sealed class TestDatabase : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    public TestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "interop-store-" + Guid.NewGuid().ToString("N"));
        Time = new FakeTimeProvider(Start);
        Store = Open();
    }

    public string Folder { get; }

    public string FilePath => Path.Combine(Folder, "nested", "state.db");

    public FakeTimeProvider Time { get; }

    public StateStore Store { get; }

    /// <summary>Pooling off so the file closes with each context and the folder can be deleted.</summary>
    public string ConnectionString => $"Data Source={FilePath};Pooling=False";

    /// <summary>Another store on the same file: a second process.</summary>
    public StateStore Open() => StateStore.Create(new StoreOptions { ConnectionString = ConnectionString }, Time);

    public static async Task<TestDatabase> MigratedAsync()
    {
        var db = new TestDatabase();
        await db.Store.MigrateAsync(CancellationToken.None);
        return db;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
