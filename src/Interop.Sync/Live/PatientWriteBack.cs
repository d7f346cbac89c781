using System.Net;
using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Store;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Live;

/// <summary>What one patient's write-back did: whether a transaction committed, outcomes written and unchanged, changes by outcome code.</summary>
internal sealed record PatientWriteResult(bool Committed, int Written, int Unchanged, Dictionary<string, OutcomeChangeCount> Changes)
{
    /// <summary>Resources of the transaction that failed their profile: then nothing was written.</summary>
    public IReadOnlyList<QuarantineEntry> Failures { get; init; } = [];

    /// <summary>What the reconcile found changed on the server, with what was done about it.</summary>
    public IReadOnlyList<ServerDriftRecord> Drift { get; init; } = [];

    /// <summary>Outcome identifiers two or more server resources carry: nothing was written; fixed by hand.</summary>
    public IReadOnlyList<DriftFinding> Duplicates { get; init; } = [];
}

/// <summary>
/// One patient's write-back (docs/outcomes.md, "How it is written"; ADR 0007): compares the derived outcomes with the
/// ledger, or first with what the server holds when the ledger may be wrong (a run's drift scan flagged the patient, an
/// earlier attempt's outcome is unknown, or the plan needs a version the ledger lacks), then writes the new (final),
/// changed (amended, <c>If-Match</c>) and retracted (entered-in-error) ones in one transaction with a Provenance created
/// once per key (<c>If-None-Exist</c>), and records what the server committed. A transaction whose answer never came, or
/// that met a version conflict, is reconciled and retried up to <see cref="WriteBackOptions.WriteAttempts"/> times in the run.
/// </summary>
internal sealed class PatientWriteBack(
    StateStore store, TimeProvider time, OutcomeGate gate, ILogger logger, WriteBackOptions options, string studyId, bool provenanceConditionalCreate)
{
    /// <summary>Test seam: applied to each transaction after it is built and before it is validated. Identity in production.</summary>
    public Func<Bundle, Bundle> BeforeValidation { get; init; } = static transaction => transaction;

    public async Task<PatientWriteResult> WriteAsync(
        LiveSyncRequest request, string patientId, List<Resource> derived, Provenance? provenance, bool reconcile, CancellationToken cancellationToken)
    {
        var ehr = request.EhrName;
        var outcomes = derived.Select(Digest).ToList();
        var ledger = await store.GetLedgerAsync(ehr, patientId, cancellationToken);
        var mustReconcile = !request.DryRun
            && (reconcile || (await store.ListWriteIntentsAsync(ehr, patientId, cancellationToken)).Count > 0);
        Reconciled? server = null;
        var drift = new List<ServerDriftRecord>();
        var sent = 0;
        while (true)
        {
            if (mustReconcile)
            {
                server = await ReconcileAsync(request, patientId, ledger, cancellationToken);
                if (server.Duplicates.Count > 0)
                {
                    return new PatientWriteResult(false, 0, 0, []) { Duplicates = server.Duplicates };
                }

                ledger = server.View;
            }

            var plan = WritePlan.Create(patientId, outcomes, ledger, server, request.DryRun);
            if (plan.NeedsServerState)
            {
                mustReconcile = true;
                continue;
            }

            drift = Merge(drift, plan.Drift);
            if (request.DryRun || plan.Writes.Count == 0)
            {
                return await FinishAsync(request, patientId, plan, committed: false, drift);
            }

            var source = provenance ?? RetractionProvenance.Create();
            var key = ProvenanceKey.Of(studyId, patientId, plan.Writes);
            var transaction = BeforeValidation(WriteBackTransaction.Create(plan.Writes, source, time.GetUtcNow(), key, provenanceConditionalCreate));

            // Validation before write (issue 5), of exactly what is sent: also the entered-in-error rewrites and a retraction's Provenance.
            var failures = gate.Check(transaction.Entry.Select(e => e.Resource).OfType<Resource>(), patientId);
            if (failures.Count > 0)
            {
                return new PatientWriteResult(false, 0, plan.Unchanged, []) { Failures = failures, Drift = drift };
            }

            // Written before the request leaves: if no answer comes back, the next attempt knows which server content is its own.
            await store.RecordWriteIntentsAsync(ehr, [.. plan.Writes.Select(w => new OutcomeWriteIntent(w.IdentifierValue, patientId, w.ContentHash, w.Status, time.GetUtcNow()))], cancellationToken);
            Bundle response;
            sent++;
            try
            {
                response = await request.Client.TransactionAsync(transaction, cancellationToken);
            }
            catch (FhirEhrException ex) when (OutcomeUnknown(ex) || Conflict(ex))
            {
                if (Conflict(ex))
                {
                    // 412: nothing was written; a version changed (or an identifier was duplicated) since the ledger saw it.
                    await store.ClearWriteIntentsAsync(ehr, patientId, CancellationToken.None);
                }

                LiveSyncLog.WriteRetried(logger, ehr, patientId, sent, Conflict(ex) ? "write-conflict" : "outcome-unknown");
                if (sent >= options.WriteAttempts)
                {
                    throw;
                }

                mustReconcile = true;
                continue;
            }
            catch (FhirServerException)
            {
                // Refused (4xx): a transaction is all or nothing, so nothing was written.
                await store.ClearWriteIntentsAsync(ehr, patientId, CancellationToken.None);
                throw;
            }

            // The server committed: record it even if the run is being cancelled, so a rerun does not write it again.
            await store.UpsertLedgerAsync(ehr, WriteBackTransaction.LedgerEntries(plan.Writes, response, patientId, time.GetUtcNow()), CancellationToken.None);
            LiveSyncLog.PatientWritten(logger, ehr, patientId, plan.Writes.Count);
            return await FinishAsync(request, patientId, plan, committed: true, drift);
        }
    }

    /// <summary>True when a transaction may or may not have committed: no answer, or a 5xx.</summary>
    public static bool OutcomeUnknown(FhirEhrException ex) =>
        ex is FhirUnavailableException || (ex is FhirServerException server && (int)server.StatusCode >= 500);

    private static bool Conflict(FhirEhrException ex) => ex is FhirServerException { StatusCode: HttpStatusCode.PreconditionFailed };

    private async Task<Reconciled> ReconcileAsync(LiveSyncRequest request, string patientId, IReadOnlyList<LedgerEntry> ledger, CancellationToken cancellationToken)
    {
        var ehr = request.EhrName;
        var onServer = await new ServerOutcomeReader(request.Client, options).ReadPatientAsync(patientId, cancellationToken);
        var intents = await store.ListWriteIntentsAsync(ehr, patientId, cancellationToken);
        var reconciled = OutcomeReconciliation.Reconcile(ledger, intents, onServer, time.GetUtcNow());

        // What the server holds is now known: the ledger follows it, and earlier attempts are settled.
        await store.UpsertLedgerAsync(ehr, reconciled.Persist, CancellationToken.None);
        await store.ClearWriteIntentsAsync(ehr, patientId, CancellationToken.None);
        if (reconciled.Duplicates.Count == 0)
        {
            await store.SetOutcomeConflictsAsync(ehr, patientId, [], CancellationToken.None);
        }

        LiveSyncLog.PatientReconciled(logger, ehr, patientId, reconciled.Findings.Count, reconciled.Duplicates.Count);
        return reconciled;
    }

    private async Task<PatientWriteResult> FinishAsync(LiveSyncRequest request, string patientId, WritePlan plan, bool committed, List<ServerDriftRecord> drift)
    {
        if (!request.DryRun)
        {
            // Retracted outcomes the server no longer holds live: the ledger forgets them as live.
            await store.UpsertLedgerAsync(request.EhrName, [.. plan.Gone.Select(g => g with { WrittenAt = time.GetUtcNow() })], CancellationToken.None);
            await store.RemovePendingPatientAsync(request.EhrName, patientId, CancellationToken.None);
        }

        var written = request.DryRun ? plan.Changed : plan.Writes.Count;
        return new PatientWriteResult(committed, written, plan.Unchanged, plan.Changes) { Drift = drift };
    }

    /// <summary>Findings of every attempt, once each (a later attempt's action wins).</summary>
    private static List<ServerDriftRecord> Merge(List<ServerDriftRecord> earlier, IReadOnlyList<ServerDriftRecord> latest) =>
        [.. earlier.Where(e => !latest.Any(l => l.Kind == e.Kind && l.OutcomeCode == e.OutcomeCode && l.ResourceIds.SequenceEqual(e.ResourceIds))), .. latest];

    private static DerivedOutcome Digest(Resource resource) => resource switch
    {
        Observation o => new(o, o.Identifier[0].Value ?? string.Empty, o.Code.Coding[0].Code ?? string.Empty, OutcomeContentHash.Of(o)),
        ResearchSubject r => new(r, r.Identifier[0].Value ?? string.Empty, OutcomeWrite.ResearchSubjectCode, OutcomeContentHash.Of(r)),
        _ => throw new ArgumentException($"{resource.TypeName} is not a derived resource", nameof(resource)),
    };
}
