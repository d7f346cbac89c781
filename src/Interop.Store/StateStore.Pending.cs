using System.Text.RegularExpressions;
using Interop.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Interop.Store;

public sealed partial class StateStore
{
    /// <summary>
    /// Queues a patient whose evaluation or write failed for the next run, or counts one more attempt.
    /// </summary>
    /// <param name="reason">A category (lower-case letters, digits and '-', up to 64), e.g. <c>write-rejected</c>:
    /// never an exception message, which could carry data.</param>
    /// <returns>The queue entry after this failure.</returns>
    public async Task<PendingPatient> RecordPendingPatientAsync(string ehrName, string patientId, string reason, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(patientId, nameof(patientId));
        if (!ReasonPattern().IsMatch(reason ?? string.Empty))
        {
            throw new ArgumentException("A pending reason is a category: lower-case letters, digits and '-', up to 64", nameof(reason));
        }

        var now = Now();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PendingPatients.SingleOrDefaultAsync(p => p.EhrName == ehrName && p.PatientId == patientId, cancellationToken);
        if (row is null)
        {
            row = new PendingPatientRow { EhrName = ehrName, PatientId = patientId, Reason = reason!, FirstFailedAt = now };
            db.PendingPatients.Add(row);
        }

        row.Reason = reason!;
        row.Attempts++;
        row.LastFailedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return ToPending(row);
    }

    /// <summary>
    /// Parks a queued patient: runs stop writing it until what blocks it is fixed by hand (it stays listed, with
    /// <see cref="PendingPatient.ParkedAt"/>). True when the patient was queued.
    /// </summary>
    public async Task<bool> ParkPendingPatientAsync(string ehrName, string patientId, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(patientId, nameof(patientId));
        var now = Now();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var parked = await db.PendingPatients
            .Where(p => p.EhrName == ehrName && p.PatientId == patientId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ParkedAt, p => p.ParkedAt ?? now), cancellationToken);
        return parked > 0;
    }

    /// <summary>Takes a patient off the retry queue (it succeeded); true when it was queued.</summary>
    public async Task<bool> RemovePendingPatientAsync(string ehrName, string patientId, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        RequireName(patientId, nameof(patientId));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.PendingPatients
            .Where(p => p.EhrName == ehrName && p.PatientId == patientId)
            .ExecuteDeleteAsync(cancellationToken);
        return removed > 0;
    }

    /// <summary>The EHR's retry queue, oldest failure first.</summary>
    public async Task<IReadOnlyList<PendingPatient>> ListPendingPatientsAsync(string ehrName, CancellationToken cancellationToken)
    {
        RequireName(ehrName, nameof(ehrName));
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PendingPatients.AsNoTracking()
            .Where(p => p.EhrName == ehrName)
            .OrderBy(p => p.FirstFailedAt).ThenBy(p => p.PatientId)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToPending)];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ReasonPattern();

    private static PendingPatient ToPending(PendingPatientRow row) =>
        new(row.EhrName, row.PatientId, row.Reason, row.Attempts, row.FirstFailedAt, row.LastFailedAt) { ParkedAt = row.ParkedAt };
}
