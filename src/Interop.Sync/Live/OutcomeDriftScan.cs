using Interop.Ehr.Rest;
using Interop.Store;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Live;

/// <summary>What a run's drift scan found: the patients to reconcile before writing, and those parked that stay parked.</summary>
/// <param name="Reconcile">Patients whose server outcomes differ from the ledger (changed, deleted, duplicated, unknown), whose
/// last write's outcome is unknown, or who were parked and are unblocked now.</param>
/// <param name="StillParked">Parked patients whose duplicate is still there: nothing is written for them.</param>
/// <param name="ParkedDrift">The duplicates of <paramref name="StillParked"/>, for the run report.</param>
/// <param name="HighWater">Where the next incremental scan starts (this scan's start less the clock-skew margin).</param>
/// <param name="FullAt">When this scan compared every outcome (null: incremental only).</param>
internal sealed record DriftScanResult(
    IReadOnlySet<string> Reconcile, IReadOnlySet<string> StillParked, IReadOnlyList<ServerDriftRecord> ParkedDrift, DateTimeOffset HighWater, DateTimeOffset? FullAt)
{
    public static DriftScanResult None { get; } = new(new HashSet<string>(), new HashSet<string>(), [], default, null);
}

/// <summary>
/// Finds, at the start of a run, the adapter's outcomes changed or deleted on the EHR since the last run (ADR 0007): one
/// search on the outcome identifier system with <c>_lastUpdated</c> after the last scan, one <c>_summary=count</c> set
/// against the ledger (a delete leaves no trace a <c>_lastUpdated</c> search can see, but lowers the count), and, when the
/// count disagrees or <see cref="WriteBackOptions.FullReconcileInterval"/> has passed, one full comparison of every outcome.
/// It only names patients to reconcile; each one's write-back then reads and judges its outcomes.
/// </summary>
internal sealed class OutcomeDriftScan(FhirClient client, StateStore store, TimeProvider time, LiveSyncOptions live, WriteBackOptions options, ILogger logger)
{
    public async Task<DriftScanResult> ScanAsync(string ehr, IReadOnlyList<PendingPatient> pending, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await store.GetDriftScanAsync(ehr, cancellationToken);
        var ledger = (await store.ListLedgerAsync(ehr, cancellationToken)).Where(e => e.OutcomeCode != OutcomeWrite.ResearchSubjectCode).ToList();
        var reconcile = new SortedSet<string>((await store.ListWriteIntentsAsync(ehr, cancellationToken)).Select(i => i.PatientId), StringComparer.Ordinal);
        var reader = new ServerOutcomeReader(client, options);

        var full = state?.IncrementalSince is null || state.FullReconcileAt is not { } last || now - last >= options.FullReconcileInterval;
        if (!full)
        {
            full = await reader.CountAsync(cancellationToken) != ledger.Count(e => e.ServerResourceId is not null);
        }

        var byId = ledger.ToDictionary(e => e.OutcomeIdentifier, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = 0;
        await foreach (var outcome in reader.ReadAllAsync(full ? null : state!.IncrementalSince, cancellationToken))
        {
            read++;
            seen[outcome.Identifier] = seen.GetValueOrDefault(outcome.Identifier) + 1;
            byId.TryGetValue(outcome.Identifier, out var entry);
            if (entry is null || entry.ServerResourceId != outcome.ResourceId || entry.ServerVersionId != outcome.VersionId || seen[outcome.Identifier] > 1)
            {
                if ((entry?.PatientId ?? outcome.PatientId ?? OutcomeReconciliation.PatientOf(outcome.Identifier)) is { Length: > 0 } patientId)
                {
                    reconcile.Add(patientId);
                }
            }
        }

        if (full)
        {
            reconcile.UnionWith(ledger.Where(e => e.ServerResourceId is not null && !seen.ContainsKey(e.OutcomeIdentifier)).Select(e => e.PatientId));
        }

        // An outcome the server holds but nobody can read: its patient's reconcile says so (the patient fails, queued).
        reconcile.UnionWith(reader.UnreadablePatients);
        var (stillParked, parkedDrift) = await CheckParkedAsync(reader, pending, reconcile, cancellationToken);
        LiveSyncLog.DriftScanned(logger, ehr, full ? "full" : "incremental", read, reconcile.Count, stillParked.Count);
        return new DriftScanResult(reconcile, stillParked, parkedDrift, now - live.ClockSkewMargin, full ? now : null);
    }

    /// <summary>Records a completed run's scan, so the next one searches from this one's start.</summary>
    public Task CompleteAsync(string ehr, DriftScanResult result, CancellationToken cancellationToken) =>
        store.RecordDriftScanAsync(ehr, result.HighWater, result.FullAt, cancellationToken);

    /// <summary>Parked patients: one read each; unparked (reconciled and written) once none of their identifiers is duplicated.</summary>
    private static async Task<(HashSet<string> StillParked, List<ServerDriftRecord> Drift)> CheckParkedAsync(
        ServerOutcomeReader reader, IReadOnlyList<PendingPatient> pending, SortedSet<string> reconcile, CancellationToken cancellationToken)
    {
        var stillParked = new HashSet<string>(StringComparer.Ordinal);
        var drift = new List<ServerDriftRecord>();
        foreach (var parked in pending.Where(p => p.ParkedAt is not null))
        {
            ILookup<string, ServerOutcome> outcomes;
            try
            {
                outcomes = await reader.ReadPatientAsync(parked.PatientId, cancellationToken);
            }
            catch (FhirProtocolException)
            {
                // Unreadable on the server: it cannot be judged fixed, so it stays parked.
                stillParked.Add(parked.PatientId);
                reconcile.Remove(parked.PatientId);
                continue;
            }

            var duplicated = outcomes.Where(g => g.Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (duplicated.Count == 0)
            {
                reconcile.Add(parked.PatientId);
                continue;
            }

            stillParked.Add(parked.PatientId);
            reconcile.Remove(parked.PatientId);
            drift.AddRange(duplicated.Select(g => new ServerDriftRecord(
                DriftKinds.Duplicate, DriftKinds.Parked, parked.PatientId, OutcomeReconciliation.CodeOf(g.Key), [.. g.Select(o => o.Reference).Order(StringComparer.Ordinal)])));
        }

        return (stillParked, drift);
    }
}
