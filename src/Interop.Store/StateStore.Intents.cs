using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>
    /// Records the writes a transaction is about to send (replacing earlier intents of the same outcomes), before it goes
    /// out: if no answer comes back, they tell the next write to reconcile with the server, and which server content is
    /// the adapter's own. <see cref="UpsertLedgerAsync"/> clears them.
    /// </summary>
    public async Task RecordWriteIntentsAsync(string ehrName, IReadOnlyCollection<OutcomeWriteIntent> intents, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        foreach (var intent in intents)
        {
            RequireName(intent.OutcomeIdentifier, nameof(intents));
            RequireName(intent.PatientId, nameof(intents));
            RequireName(intent.ContentHash, nameof(intents));
        }

        if (intents.Count == 0)
        {
            return;
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = intents.Select(i => i.OutcomeIdentifier).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.WriteIntents
            .Where(i => i.EhrName == ehrName && ids.Contains(i.OutcomeIdentifier))
            .ToDictionaryAsync(i => i.OutcomeIdentifier, StringComparer.Ordinal, cancellationToken);
        foreach (var intent in intents)
        {
            if (!existing.TryGetValue(intent.OutcomeIdentifier, out var row))
            {
                row = new OutcomeWriteIntentRow
                {
                    EhrName = ehrName,
                    OutcomeIdentifier = intent.OutcomeIdentifier,
                    PatientId = intent.PatientId,
                    ContentHash = intent.ContentHash,
                };
                db.WriteIntents.Add(row);
                existing[intent.OutcomeIdentifier] = row;
            }

            row.PatientId = intent.PatientId;
            row.ContentHash = intent.ContentHash.ToLowerInvariant();
            row.Status = intent.Status;
            row.RecordedAt = Utc(intent.RecordedAt);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A patient's outstanding write intents (writes whose outcome is unknown), by identifier.</summary>
    public async Task<IReadOnlyList<OutcomeWriteIntent>> ListWriteIntentsAsync(string ehrName, string patientId, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(patientId, nameof(patientId));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WriteIntents.AsNoTracking()
            .Where(i => i.EhrName == ehrName && i.PatientId == patientId)
            .OrderBy(i => i.OutcomeIdentifier)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new OutcomeWriteIntent(r.OutcomeIdentifier, r.PatientId, r.ContentHash, r.Status, r.RecordedAt))];
    }

    /// <summary>Every write intent of an EHR (a drift scan tells the adapter's own unseen writes from outside edits with them).</summary>
    public async Task<IReadOnlyList<OutcomeWriteIntent>> ListWriteIntentsAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WriteIntents.AsNoTracking()
            .Where(i => i.EhrName == ehrName)
            .OrderBy(i => i.PatientId).ThenBy(i => i.OutcomeIdentifier)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new OutcomeWriteIntent(r.OutcomeIdentifier, r.PatientId, r.ContentHash, r.Status, r.RecordedAt))];
    }

    /// <summary>Forgets a patient's write intents: its transaction was certainly not processed (the server refused it).</summary>
    public async Task ClearWriteIntentsAsync(string ehrName, string patientId, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(patientId, nameof(patientId));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.WriteIntents.Where(i => i.EhrName == ehrName && i.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
    }
}
