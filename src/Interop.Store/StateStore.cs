using Interop.Store.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

/// <summary>
/// The adapter's state: per-EHR watermarks, the outcome ledger, the retry queue, run history, run leases
/// and subjects' current status. Thread-safe: every call uses its own short-lived context.
/// Every instant is stored in UTC. Nothing here holds clinical values: ids, codes, hashes and counts.
/// </summary>
public sealed partial class StateStore
{
    private readonly IDbContextFactory<StateDbContext> _contexts;
    private readonly TimeProvider _time;

    internal StateStore(IDbContextFactory<StateDbContext> contexts, TimeProvider timeProvider)
    {
        _contexts = contexts;
        _time = timeProvider;
    }

    /// <summary>Creates a store without dependency injection (tools, tests).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public static StateStore Create(StoreOptions options, TimeProvider? timeProvider = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        return new StateStore(new StateDbContextFactory(options), timeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// Brings the database to the current schema (creating it, and a SQLite file's folder, when missing).
    /// Idempotent; call once at start, before any other member.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store cannot be opened or migrated.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateCoreAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException
            or System.Net.Sockets.SocketException or TimeoutException)
        {
            var firstLine = ex.Message.Split('\n', 2)[0].Trim().TrimEnd('.');
            throw new StoreUnavailableException($"the state store could not be opened or migrated ({ex.GetType().Name}: {firstLine})", ex);
        }
    }

    private async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            EnsureSqliteFolder(db.Database.GetConnectionString());
        }

        // Most starts find the schema current: asking which migrations are pending is a read of the history table, where
        // MigrateAsync would also take the migration lock and compare the model with the migrations' snapshot on every start.
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (sqlite)
        {
            // Write-ahead logging lets the status API read while a sync writes; the mode persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource)
            || builder.DataSource.Equals(":memory:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private DateTimeOffset Now() => _time.GetUtcNow();

    private static DateTimeOffset Utc(DateTimeOffset instant) => instant.ToUniversalTime();

    private static void RequireName(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
    }
}
