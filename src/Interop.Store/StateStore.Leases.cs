using Interop.Store.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>
    /// Takes the advisory lease that lets one sync of an EHR run at a time (across processes sharing the
    /// database). True when <paramref name="holder"/> now holds it until now + <paramref name="ttl"/>:
    /// it was free, expired, or already this holder's (calling again renews it). False when another
    /// holder's lease is live. Each step is one atomic statement, so two contenders never both win.
    /// </summary>
    /// <param name="holder">Who runs, e.g. <c>{machine}/{process id}/{run id}</c>.</param>
    public async Task<bool> TryAcquireRunLeaseAsync(string ehrName, string holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(holder, nameof(holder));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = Now();
        var expires = now + ttl;

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.Leases
            .Where(l => l.EhrName == ehrName && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.AcquiredAt, now).SetProperty(l => l.ExpiresAt, expires),
                cancellationToken);
        if (taken > 0)
        {
            return true;
        }

        db.Leases.Add(new RunLeaseRow { EhrName = ehrName, Holder = holder, AcquiredAt = now, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (IsDuplicateKey(ex))
        {
            // Another holder's live lease exists (or was inserted a moment ago).
            return false;
        }
    }

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it; true when it did.</summary>
    public async Task<bool> ReleaseRunLeaseAsync(string ehrName, string holder, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(holder, nameof(holder));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.Leases.Where(l => l.EhrName == ehrName && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
        return removed > 0;
    }

    private static bool IsDuplicateKey(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
