using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Ehr.Rest;
using Interop.Fhir.Terminology;
using Interop.Store;
using Interop.Sync;
using Interop.Worker.Sync.Lease;
using Microsoft.Extensions.Logging;

namespace Interop.Worker.Sync.Live;

/// <summary>
/// One live run's work per candidate: read the candidate's records, evaluate each patient among them (the pipeline's patient
/// step), then write each one's outcomes back (or retract what the ledger holds for ids no longer screened). Only the
/// failures a patient is expected to meet (the EHR, its protocol, the site's terminology) are that patient's and queued for
/// the next run; anything else is a bug and ends the run.
/// </summary>
internal sealed class CandidateSync(
    LiveSyncRequest request,
    AsOf asOf,
    SyncRunScope run,
    StateStore store,
    PatientStep step,
    PatientWriteBack writeBack,
    DuplicateParking parking,
    RunProgress progress,
    DriftScanResult drift,
    IReadOnlySet<string> reconcile,
    bool withholdAll,
    ILogger logger)
{
    private readonly HashSet<string> _covered = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluated = new(StringComparer.Ordinal);

    /// <summary>Called after each patient's transaction committed and was recorded, with how many committed so far.</summary>
    public Action<int>? AfterTransaction { get; init; }

    /// <summary>Reads, evaluates and writes back one candidate (nothing when it was read already as another's linked Patient).</summary>
    public async System.Threading.Tasks.Task RunAsync(string candidate, CandidateReader reader, CancellationToken cancellationToken)
    {
        if (_covered.Contains(candidate))
        {
            return;
        }

        var stage = SyncStage.Read;
        try
        {
            var (assembled, patientIds) = await reader.ReadAsync(candidate, cancellationToken);
            _covered.UnionWith(patientIds);
            progress.AddRead(assembled);

            stage = SyncStage.Evaluate;
            var plans = await PlanAsync(assembled.Patients, patientIds, cancellationToken);

            foreach (var plan in plans.Where(p => !drift.StillParked.Contains(p.PatientId)))
            {
                // A parked patient (a duplicated identifier, reported by the scan) is not written until fixed by hand.
                stage = SyncStage.Write;
                await WriteAsync(plan, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is FhirEhrException or TerminologyMapException && !cancellationToken.IsCancellationRequested)
        {
            progress.AddFailed();
            var reason = ex switch
            {
                FhirUnavailableException => "ehr-unavailable",
                FhirServerException { StatusCode: System.Net.HttpStatusCode.PreconditionFailed } when stage == SyncStage.Write => "write-conflict",
                FhirServerException => stage == SyncStage.Write ? "write-rejected" : "read-rejected",
                FhirProtocolException => "ehr-protocol",
                _ => SyncStages.FailureReason(stage),
            };
            LiveSyncLog.PatientFailed(logger, request.EhrName, candidate, reason, ex.GetType().Name);
            await QueueAsync(candidate, reason, cancellationToken);
        }
    }

    /// <summary>
    /// Evaluates each patient not evaluated yet this run: valid outcomes become a write plan, a patient withheld (a quarantined
    /// record, an outcome failing its profile) is reported and queued. Ids read but no longer screened (or merged away) get an
    /// empty plan: whatever the ledger holds for them is retracted.
    /// </summary>
    private async Task<List<WritePlanItem>> PlanAsync(
        IReadOnlyList<Interop.Fhir.Mapping.PatientRecordSet> patients, IReadOnlySet<string> patientIds, CancellationToken cancellationToken)
    {
        var plans = new List<WritePlanItem>();
        foreach (var patient in patients)
        {
            var patientId = patient.Record.PatientId;
            if (!_evaluated.Add(patientId))
            {
                continue;
            }

            var prepared = step.Prepare(patient, asOf, request.WriteResearchSubject, withholdAll);
            if (prepared.Withheld is { } withheld)
            {
                progress.Quarantined.AddRange(withheld.Reason == PatientResult.QuarantinedInput ? patient.Quarantined : withheld.Failures);
                progress.Tally.AddWithheld();
                LiveSyncLog.PatientWithheld(logger, request.EhrName, patientId, withheld.Reason!);
                await QueueAsync(patientId, withheld.Reason!, cancellationToken);
                continue;
            }

            var (assessment, outcomes) = (prepared.Assessment!, prepared.Outcomes!);
            progress.Tally.Add(assessment.Eligibility);
            progress.Warnings.AddRange(AssessmentWarnings.Of(assessment));
            Resource[] subject = outcomes.ResearchSubject is { } researchSubject ? [researchSubject] : [];
            plans.Add(new WritePlanItem(
                patientId, [.. outcomes.Observations, .. subject], outcomes.Provenance, SubjectStatusMapping.From(request.EhrName, assessment, patient.Record.Death, run.RunId)));
        }

        foreach (var id in patientIds.Where(id => !_evaluated.Contains(id)).Order(StringComparer.Ordinal))
        {
            plans.Add(new WritePlanItem(id, [], null, null));
        }

        return plans;
    }

    private async System.Threading.Tasks.Task WriteAsync(WritePlanItem plan, CancellationToken cancellationToken)
    {
        run.ThrowIfLeaseLost();

        // Not cancellable: a patient's write-back that has started finishes (bounded by the client's own timeouts), so that
        // stopping the service never leaves a transaction's outcome unknown; the run stops before the next candidate.
        var result = await writeBack.WriteAsync(request, plan.PatientId, plan.Derived, plan.Provenance, reconcile.Contains(plan.PatientId), CancellationToken.None);
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
            LiveSyncLog.PatientWithheld(logger, request.EhrName, plan.PatientId, "validation-failed");
            await QueueAsync(plan.PatientId, "validation-failed", cancellationToken);
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

    private async System.Threading.Tasks.Task QueueAsync(string patientId, string reason, CancellationToken cancellationToken)
    {
        if (!request.DryRun)
        {
            await store.RecordPendingPatientAsync(request.EhrName, patientId, reason, cancellationToken);
        }
    }

    /// <summary>What one patient's write-back is to make the EHR hold: its outcomes (none: retract), their Provenance, its status.</summary>
    private sealed record WritePlanItem(string PatientId, List<Resource> Derived, Provenance? Provenance, SubjectStatus? Status);
}
