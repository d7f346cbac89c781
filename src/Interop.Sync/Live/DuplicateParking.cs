using Interop.Store;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Live;

/// <summary>
/// A patient whose outcome identifier two or more server resources carry (every conditional update of it fails with
/// 412): queued with the resource ids to fix by hand, and parked after <see cref="WriteBackOptions.DuplicateMaxAttempts"/>
/// runs, so that it stops being retried (readiness says degraded; the run report and the API list it).
/// </summary>
internal sealed class DuplicateParking(StateStore store, WriteBackOptions options, ILogger logger)
{
    /// <summary>The retry queue's reason for such a patient.</summary>
    public const string Reason = "duplicate-outcome";

    public async Task<IReadOnlyList<ServerDriftRecord>> QueueAsync(string ehr, string patientId, IReadOnlyList<DriftFinding> duplicates, CancellationToken cancellationToken)
    {
        var pending = await store.RecordPendingPatientAsync(ehr, patientId, Reason, cancellationToken);
        await store.SetOutcomeConflictsAsync(ehr, patientId, [.. duplicates.Select(d => (d.Identifier, d.Kind, d.ResourceIds))], cancellationToken);
        var parked = pending.ParkedAt is not null || pending.Attempts >= options.DuplicateMaxAttempts;
        if (parked)
        {
            await store.ParkPendingPatientAsync(ehr, patientId, cancellationToken);
        }

        var action = parked ? DriftKinds.Parked : DriftKinds.Queued;
        LiveSyncLog.DuplicateOutcomes(logger, ehr, patientId, duplicates.Count, action);
        return [.. duplicates.Select(d => new ServerDriftRecord(d.Kind, action, patientId, d.OutcomeCode, d.ResourceIds))];
    }
}
