using Interop.Store.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store.Tests;

public sealed class MigrationTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task MigrateAsync_EmptyFolder_CreatesFileWithEveryTable()
    {
        using var db = new TestDatabase();

        await db.Store.MigrateAsync(Ct);

        Assert.True(File.Exists(db.FilePath));
        var tables = await QueryStringsAsync(db.ConnectionString, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        foreach (var table in new[] { "EhrWatermark", "OutcomeLedger", "PendingPatient", "RunLease", "SubjectStatus", "SyncRun", "SyncRunQuarantine", "__EFMigrationsHistory" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_IsIdempotentAndKeepsData()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.AdvanceWatermarkAsync("ehr-a", TestDatabase.Start, Ct);
        const string HistoryQuery = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        var before = await QueryStringsAsync(db.ConnectionString, HistoryQuery);

        await db.Store.MigrateAsync(Ct);
        await db.Open().MigrateAsync(Ct);

        var history = await QueryStringsAsync(db.ConnectionString, HistoryQuery);
        Assert.Equal(before, history);
        Assert.Contains(history, id => id.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Equal(TestDatabase.Start, await db.Store.GetWatermarkAsync("ehr-a", Ct));
    }

    [Fact]
    public async Task MigrateAsync_Sqlite_SwitchesToWriteAheadLog()
    {
        using var db = await TestDatabase.MigratedAsync();

        var mode = await QueryStringsAsync(db.ConnectionString, "PRAGMA journal_mode");

        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task MigrateAsync_SharedInMemoryDatabase_Works()
    {
        var connectionString = $"Data Source=mem-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync(Ct);
        var store = StateStore.Create(new StoreOptions { ConnectionString = connectionString });

        await store.MigrateAsync(Ct);
        await store.AdvanceWatermarkAsync("ehr-a", TestDatabase.Start, Ct);

        Assert.Equal(TestDatabase.Start, await store.GetWatermarkAsync("ehr-a", Ct));
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public void Model_EachProvider_MatchesItsMigrations(StoreProvider provider)
    {
        // Fails when the model changed without `dotnet ef migrations add` for this provider (no connection needed).
        var options = new StoreOptions
        {
            Provider = provider.ToString(),
            ConnectionString = provider == StoreProvider.Sqlite ? "Data Source=unused.db" : "Host=127.0.0.1;Database=unused",
        };
        using var context = new StateDbContextFactory(options).CreateDbContext();

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges());
    }

    internal static async Task<List<string>> QueryStringsAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
