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

    /// <summary>
    /// Extends <paramref name="holder"/>'s lease to now + <paramref name="ttl"/>, if it still holds it. False when it does
    /// not: another holder took it after it ran out, or it was released. Unlike <see cref="TryAcquireRunLeaseAsync"/> this
    /// never takes a lease afresh, so a run that lost its lease learns so even when nobody holds it now (another run may
    /// have come and gone in between).
    /// </summary>
    public async Task<bool> RenewRunLeaseAsync(string ehrName, string holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(holder, nameof(holder));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var expires = Now() + ttl;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Leases
            .Where(l => l.EhrName == ehrName && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        return renewed > 0;
    }

    /// <summary>The EHR's lease as recorded (it may have run out: compare <see cref="RunLease.ExpiresAt"/> with now), or null.</summary>
    public async Task<RunLease?> GetRunLeaseAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Leases.AsNoTracking().SingleOrDefaultAsync(l => l.EhrName == ehrName, cancellationToken);
        return row is null ? null : new RunLease(row.EhrName, row.Holder, row.AcquiredAt, row.ExpiresAt);
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
