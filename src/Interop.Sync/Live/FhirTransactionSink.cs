using Hl7.Fhir.Model;
using Interop.Store;
using Interop.Sync.Pipeline;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Live;

/// <summary>
/// The EHR as the pipeline's sink (ADR 0007): before anything is read, the retry queue and a drift scan name the patients to
/// see again and to reconcile with the server; each patient's outcomes are then written in one transaction with a
/// Provenance (<see cref="PatientWriteBack"/>), a patient with duplicated outcome identifiers is parked, and a withheld or
/// failed patient is queued. Once every read is handled the watermark advances and the drift scan's position is kept.
/// A dry run writes and queues nothing.
/// </summary>
internal sealed class FhirTransactionSink(
    LiveSyncRequest request,
    StateStore store,
    PatientWriteBack writeBack,
    DuplicateParking parking,
    OutcomeDriftScan scan,
    RunProgress progress,
    DateTimeOffset defaultHighWater,
    ILogger logger) : IOutcomeSink
{
    private DriftScanResult _drift = DriftScanResult.None;
    private HashSet<string> _reconcile = new(StringComparer.Ordinal);
    private DateTimeOffset _highWater = defaultHighWater;

    /// <summary>Called after each patient's transaction committed and was recorded, with how many committed so far.</summary>
    public Action<int>? AfterTransaction { get; init; }

    public async Task<SortedSet<string>> BeginAsync(CandidateSet found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        _highWater = found.HighWater ?? _highWater;
        var ehr = request.EhrName;
        var pending = await store.ListPendingPatientsAsync(ehr, cancellationToken);
        _drift = request.DryRun ? DriftScanResult.None : await scan.ScanAsync(ehr, pending, cancellationToken);

        // Patients whose server state may differ from the ledger (drift, unknown write outcomes, queued): reconciled before any write.
        var candidates = found.Candidates;
        _reconcile = new HashSet<string>(_drift.Reconcile, StringComparer.Ordinal);
        foreach (var queued in pending.Where(p => p.ParkedAt is null))
        {
            candidates.Add(queued.PatientId);
            _reconcile.Add(queued.PatientId);
        }

        candidates.UnionWith(_drift.Reconcile);
        progress.AddParked(_drift.ParkedDrift, _drift.StillParked.Count);
        LiveSyncLog.Candidates(logger, ehr, candidates.Count, pending.Count);
        return candidates;
    }

    public async System.Threading.Tasks.Task WriteAsync(PatientPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (_drift.StillParked.Contains(plan.PatientId))
        {
            // A parked patient (a duplicated identifier, reported by the scan) is not written until fixed by hand.
            return;
        }

        List<Resource> derived = plan.Outcomes is { } outcomes
            ? [.. outcomes.Observations, .. outcomes.ResearchSubject is { } subject ? [subject] : Array.Empty<Resource>()]
            : [];

        // Not cancellable: a patient's write-back that has started finishes (bounded by the client's own timeouts), so that
        // stopping the service never leaves a transaction's outcome unknown; the run stops before the next candidate.
        var result = await writeBack.WriteAsync(request, plan.PatientId, derived, plan.Outcomes?.Provenance, _reconcile.Contains(plan.PatientId), CancellationToken.None);
        progress.Drift.AddRange(result.Drift);
        if (result.Duplicates.Count > 0)
        {
            progress.AddDuplicates(await parking.QueueAsync(request.EhrName, plan.PatientId, result.Duplicates, CancellationToken.None));
            return;
        }

        if (result.Failures.Count > 0)
        {
            // The transaction as built failed its profiles: nothing was written; reported and retried like a failed write.
            progress.Quarantined.AddRange(result.Failures);
            progress.AddFailed();
            PipelineLog.PatientWithheld(logger, request.EhrName, plan.PatientId, PatientResult.ValidationFailed);
            await HoldAsync(plan.PatientId, PatientResult.ValidationFailed, cancellationToken);
            return;
        }

        if (plan.Status is not null && !request.DryRun)
        {
            await store.UpsertSubjectStatusesAsync([plan.Status], CancellationToken.None);
        }

        if (progress.AddWrite(result))
        {
            AfterTransaction?.Invoke(progress.Transactions);
        }
    }

    public async System.Threading.Tasks.Task HoldAsync(string patientId, string reason, CancellationToken cancellationToken)
    {
        if (!request.DryRun)
        {
            await store.RecordPendingPatientAsync(request.EhrName, patientId, reason, cancellationToken);
        }
    }

    public async System.Threading.Tasks.Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (!request.DryRun)
        {
            // Every write-back of this run committed (failures are queued and retried regardless): move on.
            await store.AdvanceWatermarkAsync(request.EhrName, _highWater, CancellationToken.None);
            await scan.CompleteAsync(request.EhrName, _drift, CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
