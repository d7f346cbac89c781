using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>The outcomes written for a patient on an EHR, by identifier.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> GetLedgerAsync(string ehrName, string patientId, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(patientId, nameof(patientId));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Ledger.AsNoTracking()
            .Where(l => l.EhrName == ehrName && l.PatientId == patientId)
            .OrderBy(l => l.OutcomeIdentifier)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToEntry)];
    }

    /// <summary>Every outcome written to an EHR (the drift scan compares them with the server), by identifier.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> ListLedgerAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Ledger.AsNoTracking()
            .Where(l => l.EhrName == ehrName)
            .OrderBy(l => l.OutcomeIdentifier)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToEntry)];
    }

    /// <summary>The identifiers of the outcomes written for a patient (to find those no longer derived).</summary>
    public async Task<IReadOnlyList<string>> ListOutcomeIdentifiersAsync(string ehrName, string patientId, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(patientId, nameof(patientId));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Ledger.AsNoTracking()
            .Where(l => l.EhrName == ehrName && l.PatientId == patientId)
            .OrderBy(l => l.OutcomeIdentifier)
            .Select(l => l.OutcomeIdentifier)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records outcomes after the server committed their transaction (or after a reconcile read what the server
    /// holds): inserts new identifiers and replaces known ones, and clears their write intents, all in one database
    /// transaction. Replaying the same entries is harmless.
    /// </summary>
    public async Task UpsertLedgerAsync(string ehrName, IReadOnlyCollection<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        foreach (var entry in entries)
        {
            RequireName(entry.OutcomeIdentifier, nameof(entries));
            RequireName(entry.PatientId, nameof(entries));
            RequireName(entry.ContentHash, nameof(entries));
        }

        if (entries.Count == 0)
        {
            return;
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = entries.Select(e => e.OutcomeIdentifier).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.Ledger
            .Where(l => l.EhrName == ehrName && ids.Contains(l.OutcomeIdentifier))
            .ToDictionaryAsync(l => l.OutcomeIdentifier, StringComparer.Ordinal, cancellationToken);
        foreach (var entry in entries)
        {
            if (!existing.TryGetValue(entry.OutcomeIdentifier, out var row))
            {
                row = new OutcomeLedgerRow
                {
                    EhrName = ehrName,
                    OutcomeIdentifier = entry.OutcomeIdentifier,
                    PatientId = entry.PatientId,
                    OutcomeCode = entry.OutcomeCode,
                    ContentHash = entry.ContentHash,
                };
                db.Ledger.Add(row);
                existing[entry.OutcomeIdentifier] = row;
            }

            row.PatientId = entry.PatientId;
            row.OutcomeCode = entry.OutcomeCode;
            row.ContentHash = entry.ContentHash.ToLowerInvariant();
            row.ServerResourceId = entry.ServerResourceId;
            row.ServerVersionId = entry.ServerVersionId;
            row.Status = entry.Status;
            row.WrittenAt = Utc(entry.WrittenAt);
            row.EditedOutsideAt = entry.EditedOutsideAt is { } edited ? Utc(edited) : null;
        }

        await db.WriteIntents.Where(i => i.EhrName == ehrName && ids.Contains(i.OutcomeIdentifier)).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static LedgerEntry ToEntry(OutcomeLedgerRow row) => new(
        row.OutcomeIdentifier, row.PatientId, row.OutcomeCode, row.ContentHash,
        row.ServerResourceId, row.ServerVersionId, row.Status, row.WrittenAt)
    {
        EditedOutsideAt = row.EditedOutsideAt,
    };
}
