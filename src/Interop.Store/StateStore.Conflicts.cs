using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>
    /// Replaces a patient's recorded conflicts with <paramref name="conflicts"/> (empty: the patient has none any more).
    /// A conflict already known keeps its <see cref="OutcomeConflict.FirstSeenAt"/>.
    /// </summary>
    /// <param name="conflicts">Per outcome identifier: its kind (a category) and the server resources involved.</param>
    public async Task SetOutcomeConflictsAsync(
        string ehrName, string patientId, IReadOnlyCollection<(string OutcomeIdentifier, string Kind, IReadOnlyList<string> ResourceIds)> conflicts,
        CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(patientId, nameof(patientId));
        var now = Now();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.OutcomeConflicts
            .Where(c => c.EhrName == ehrName && c.PatientId == patientId)
            .ToDictionaryAsync(c => c.OutcomeIdentifier, StringComparer.Ordinal, cancellationToken);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (identifier, kind, resourceIds) in conflicts)
        {
            RequireName(identifier, nameof(conflicts));
            RequireName(kind, nameof(conflicts));
            if (!existing.TryGetValue(identifier, out var row))
            {
                row = new OutcomeConflictRow
                {
                    EhrName = ehrName,
                    OutcomeIdentifier = identifier,
                    PatientId = patientId,
                    Kind = kind,
                    ResourceIds = string.Empty,
                    FirstSeenAt = now,
                };
                db.OutcomeConflicts.Add(row);
                existing[identifier] = row;
            }

            row.Kind = kind;
            row.ResourceIds = JoinIds(resourceIds);
            row.LastSeenAt = now;
            kept.Add(identifier);
        }

        db.OutcomeConflicts.RemoveRange(existing.Values.Where(r => !kept.Contains(r.OutcomeIdentifier)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Recorded conflicts, by EHR, patient and identifier; all EHRs when <paramref name="ehrName"/> is null.</summary>
    public async Task<IReadOnlyList<OutcomeConflict>> ListOutcomeConflictsAsync(string? ehrName, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = db.OutcomeConflicts.AsNoTracking();
        if (ehrName is not null)
        {
            query = query.Where(c => c.EhrName == ehrName);
        }

        var rows = await query.OrderBy(c => c.EhrName).ThenBy(c => c.PatientId).ThenBy(c => c.OutcomeIdentifier).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new OutcomeConflict(r.EhrName, r.OutcomeIdentifier, r.PatientId, r.Kind, SplitIds(r.ResourceIds), r.FirstSeenAt, r.LastSeenAt))];
    }

    /// <summary>Outcomes whose server resource was edited by someone else and left so (ADR 0007); all EHRs when null.</summary>
    public async Task<IReadOnlyList<(string EhrName, LedgerEntry Entry)>> ListEditedOutsideAsync(string? ehrName, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Ledger.AsNoTracking().Where(l => l.EditedOutsideAt != null);
        if (ehrName is not null)
        {
            query = query.Where(l => l.EhrName == ehrName);
        }

        var rows = await query.OrderBy(l => l.EhrName).ThenBy(l => l.PatientId).ThenBy(l => l.OutcomeIdentifier).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.EhrName, ToEntry(r)))];
    }

    /// <summary>Where the EHR's drift scan stands, or null before its first.</summary>
    public async Task<DriftScanState?> GetDriftScanAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DriftScans.AsNoTracking().SingleOrDefaultAsync(s => s.EhrName == ehrName, cancellationToken);
        return row is null ? null : new DriftScanState(row.IncrementalSince, row.FullReconcileAt);
    }

    /// <summary>
    /// Records a completed scan: the next incremental scan searches from <paramref name="incrementalSince"/>; a full
    /// reconcile, when <paramref name="fullReconcileAt"/> is given, resets the periodic one.
    /// </summary>
    public async Task RecordDriftScanAsync(string ehrName, DateTimeOffset incrementalSince, DateTimeOffset? fullReconcileAt, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DriftScans.SingleOrDefaultAsync(s => s.EhrName == ehrName, cancellationToken);
        if (row is null)
        {
            row = new EhrDriftScanRow { EhrName = ehrName };
            db.DriftScans.Add(row);
        }

        row.IncrementalSince = Utc(incrementalSince);
        if (fullReconcileAt is { } full)
        {
            row.FullReconcileAt = Utc(full);
        }

        row.UpdatedAt = Now();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string JoinIds(IEnumerable<string> ids) => string.Join(' ', ids);

    private static string[] SplitIds(string ids) => ids.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
