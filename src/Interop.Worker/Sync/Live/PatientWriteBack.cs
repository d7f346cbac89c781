using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using Canonical = Interop.Fhir.Canonical;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Store;
using Microsoft.Extensions.Logging;

namespace Interop.Worker.Sync.Live;

/// <summary>What one patient's write-back did: whether a transaction committed, outcomes written and unchanged, changes by outcome code.</summary>
internal sealed record PatientWriteResult(bool Committed, int Written, int Unchanged, Dictionary<string, OutcomeChangeCount> Changes)
{
    /// <summary>Resources of the transaction that failed their profile: then nothing was written.</summary>
    public IReadOnlyList<QuarantineEntry> Failures { get; init; } = [];
}

/// <summary>
/// One patient's write-back (fhir-contract.md, "How it is written"): compares the derived outcomes with the ledger,
/// writes the new (final), changed (amended) and retracted (entered-in-error) ones in one transaction with a
/// Provenance, and records what the server committed. Nothing is written when nothing changed, nor in a dry run.
/// </summary>
internal sealed class PatientWriteBack(StateStore store, TimeProvider time, OutcomeGate gate, ILogger logger)
{
    /// <summary>Test seam: applied to each transaction after it is built and before it is validated. Identity in production.</summary>
    public Func<Bundle, Bundle> BeforeValidation { get; init; } = static transaction => transaction;

    public async Task<PatientWriteResult> WriteAsync(
        LiveSyncRequest request, string patientId, List<Resource> derived, Provenance? provenance, CancellationToken cancellationToken)
    {
        var ehr = request.EhrName;
        var digests = derived.Select(Digest).ToList();
        var ledger = await store.GetLedgerAsync(ehr, patientId, cancellationToken);
        var diff = LedgerComparison.Compare(ledger, [.. digests.Select(d => new OutcomeDigest(d.Identifier, d.Hash))]);
        var changes = new Dictionary<string, OutcomeChangeCount>(StringComparer.Ordinal);
        if (diff.NothingToWrite)
        {
            if (!request.DryRun)
            {
                await store.RemovePendingPatientAsync(ehr, patientId, cancellationToken);
            }

            return new PatientWriteResult(false, 0, diff.Unchanged.Count, changes);
        }

        var newIds = diff.New.Select(d => d.OutcomeIdentifier).ToHashSet(StringComparer.Ordinal);
        var changedIds = diff.Changed.Select(d => d.OutcomeIdentifier).ToHashSet(StringComparer.Ordinal);
        var writes = new List<OutcomeWrite>();
        foreach (var (resource, identifier, code, hash) in digests)
        {
            var status = newIds.Contains(identifier) ? OutcomeStatus.Final : changedIds.Contains(identifier) ? OutcomeStatus.Amended : (OutcomeStatus?)null;
            if (status is { } s)
            {
                writes.Add(new OutcomeWrite(resource, identifier, code, hash, s));
                Count(changes, code, s);
            }
        }

        foreach (var retracted in diff.Retracted)
        {
            Count(changes, retracted.OutcomeCode, OutcomeStatus.EnteredInError);
            if (!request.DryRun && retracted.OutcomeCode == OutcomeWrite.ResearchSubjectCode)
            {
                writes.Add(new OutcomeWrite(null, retracted.OutcomeIdentifier, retracted.OutcomeCode, retracted.ContentHash, OutcomeStatus.EnteredInError));
            }
            else if (!request.DryRun && await LastWrittenAsync(request.Client, retracted.OutcomeIdentifier, cancellationToken) is { } last)
            {
                writes.Add(new OutcomeWrite(last, retracted.OutcomeIdentifier, retracted.OutcomeCode, retracted.ContentHash, OutcomeStatus.EnteredInError));
            }
        }

        if (request.DryRun)
        {
            return new PatientWriteResult(false, diff.New.Count + diff.Changed.Count + diff.Retracted.Count, diff.Unchanged.Count, changes);
        }

        if (writes.Count > 0)
        {
            var source = provenance ?? RetractionProvenance.Create();
            var transaction = BeforeValidation(WriteBackTransaction.Create(writes, source, time.GetUtcNow()));

            // Validation before write (issue 5), of exactly what is sent: also the entered-in-error rewrites and a retraction's Provenance.
            var failures = gate.Check(transaction.Entry.Select(e => e.Resource).OfType<Resource>(), patientId);
            if (failures.Count > 0)
            {
                return new PatientWriteResult(false, 0, diff.Unchanged.Count, []) { Failures = failures };
            }

            var response = await request.Client.TransactionAsync(transaction, cancellationToken);

            // The server committed: record it even if the run is being cancelled, so a rerun does not write it again.
            await store.UpsertLedgerAsync(ehr, WriteBackTransaction.LedgerEntries(writes, response, patientId, time.GetUtcNow()), CancellationToken.None);
            LiveSyncLog.PatientWritten(logger, ehr, patientId, writes.Count);
        }

        // Retracted outcomes the server no longer holds: the ledger forgets them as live.
        var gone = diff.Retracted.Where(r => !writes.Any(w => string.Equals(w.IdentifierValue, r.OutcomeIdentifier, StringComparison.Ordinal)))
            .Select(r => r with { Status = OutcomeStatus.EnteredInError, WrittenAt = time.GetUtcNow() }).ToList();
        await store.UpsertLedgerAsync(ehr, gone, CancellationToken.None);
        await store.RemovePendingPatientAsync(ehr, patientId, CancellationToken.None);
        return new PatientWriteResult(writes.Count > 0, writes.Count, diff.Unchanged.Count, changes);
    }

    private static (Resource Resource, string Identifier, string Code, string Hash) Digest(Resource resource) => resource switch
    {
        Observation o => (o, o.Identifier[0].Value ?? string.Empty, o.Code.Coding[0].Code ?? string.Empty, OutcomeContentHash.Of(o)),
        ResearchSubject r => (r, r.Identifier[0].Value ?? string.Empty, OutcomeWrite.ResearchSubjectCode, OutcomeContentHash.Of(r)),
        _ => throw new ArgumentException($"{resource.TypeName} is not a derived resource", nameof(resource)),
    };

    private static async Task<Observation?> LastWrittenAsync(FhirClient client, string identifierValue, CancellationToken cancellationToken)
    {
        await foreach (var resource in client.SearchAsync(
            "Observation", [new("identifier", $"{Canonical.OutcomeIdentifierSystem}|{identifierValue}")], cancellationToken))
        {
            if (resource is Observation observation)
            {
                return observation;
            }
        }

        return null;
    }

    private static void Count(Dictionary<string, OutcomeChangeCount> changes, string code, OutcomeStatus status)
    {
        var c = changes.GetValueOrDefault(code) ?? new OutcomeChangeCount(0, 0, 0);
        changes[code] = status switch
        {
            OutcomeStatus.Final => c with { New = c.New + 1 },
            OutcomeStatus.Amended => c with { Changed = c.Changed + 1 },
            _ => c with { Retracted = c.Retracted + 1 },
        };
    }
}
