using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

/// <summary>Which server an EHR name reached: its base URL and, where its CapabilityStatement gives one, <c>implementation.url</c>.</summary>
public sealed record EhrServerIdentity(string BaseUrl, string? ImplementationUrl)
{
    /// <summary>
    /// Another server: a different base URL, or both implementation URLs known and different (the same URL now answered by
    /// another installation). An implementation URL known on one side only proves nothing either way.
    /// </summary>
    public bool IsOtherThan(EhrServerIdentity previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return !string.Equals(BaseUrl, previous.BaseUrl, StringComparison.Ordinal)
            || (ImplementationUrl is not null && previous.ImplementationUrl is not null
                && !string.Equals(ImplementationUrl, previous.ImplementationUrl, StringComparison.Ordinal));
    }
}

/// <summary>The server an EHR name reached before, and the one it reaches now.</summary>
public sealed record ServerIdentityChange(EhrServerIdentity Previous, EhrServerIdentity Current);

public sealed partial class StateStore
{
    /// <summary>
    /// Records the server this EHR name reaches now. When it is another server than the one recorded before, the state that
    /// described the old server's contents is forgotten in the same transaction (the watermark and the drift scan's
    /// position: the next run reads every candidate and compares every outcome with this server) and the change is
    /// returned; the ledger stays, as a cache the full comparison corrects. Null on the first run and when it is the same.
    /// </summary>
    public async Task<ServerIdentityChange?> RecordServerIdentityAsync(string ehrName, EhrServerIdentity current, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        ArgumentNullException.ThrowIfNull(current);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.ServerIdentities.SingleOrDefaultAsync(r => r.EhrName == ehrName, cancellationToken);
        var now = Now();
        ServerIdentityChange? change = null;
        if (row is null)
        {
            db.ServerIdentities.Add(new EhrServerIdentityRow
            {
                EhrName = ehrName, BaseUrl = current.BaseUrl, ImplementationUrl = current.ImplementationUrl, FirstSeenAt = now, LastSeenAt = now,
            });
        }
        else
        {
            var previous = new EhrServerIdentity(row.BaseUrl, row.ImplementationUrl);
            if (current.IsOtherThan(previous))
            {
                change = new ServerIdentityChange(previous, current);
                await db.Watermarks.Where(w => w.EhrName == ehrName).ExecuteDeleteAsync(cancellationToken);
                await db.DriftScans.Where(s => s.EhrName == ehrName).ExecuteDeleteAsync(cancellationToken);
                row.BaseUrl = current.BaseUrl;
                row.ImplementationUrl = current.ImplementationUrl;
                row.FirstSeenAt = now;
            }
            else
            {
                row.ImplementationUrl ??= current.ImplementationUrl;
            }

            row.LastSeenAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return change;
    }

    /// <summary>The server this EHR name reached on its last live run; null before the first.</summary>
    public async Task<EhrServerIdentity?> GetServerIdentityAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ServerIdentities.AsNoTracking().SingleOrDefaultAsync(r => r.EhrName == ehrName, cancellationToken);
        return row is null ? null : new EhrServerIdentity(row.BaseUrl, row.ImplementationUrl);
    }
}
