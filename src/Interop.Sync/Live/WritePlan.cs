using Hl7.Fhir.Model;
using Interop.Store;

namespace Interop.Sync.Live;

/// <summary>One derived resource with its ledger key: identifier value, outcome code and content hash.</summary>
internal sealed record DerivedOutcome(Resource Resource, string Identifier, string Code, string Hash);

/// <summary>
/// What one patient's write-back sends, from its derived outcomes set against the ledger (or, after a reconcile, against
/// what the server holds): new outcomes (final), changed ones (amended, with <c>If-Match</c> on the version seen) and
/// retracted ones (entered-in-error), plus the drift findings with what is done about them. Pure.
/// </summary>
internal sealed record WritePlan(
    IReadOnlyList<OutcomeWrite> Writes,
    Dictionary<string, OutcomeChangeCount> Changes,
    int Changed,
    int Unchanged,
    IReadOnlyList<LedgerEntry> Gone,
    IReadOnlyList<ServerDriftRecord> Drift,
    bool NeedsServerState)
{
    /// <summary>
    /// Plans the write. Without <paramref name="server"/> (no reconcile yet) a plan that must rewrite a retracted outcome,
    /// or replace a version the ledger does not know, says <see cref="NeedsServerState"/> instead of guessing.
    /// </summary>
    public static WritePlan Create(string patientId, IReadOnlyList<DerivedOutcome> derived, IReadOnlyList<LedgerEntry> ledger, Reconciled? server, bool dryRun)
    {
        var diff = LedgerComparison.Compare(ledger, [.. derived.Select(d => new OutcomeDigest(d.Identifier, d.Hash))]);
        var byId = ledger.ToDictionary(e => e.OutcomeIdentifier, StringComparer.Ordinal);
        var newIds = diff.New.Select(d => d.OutcomeIdentifier).ToHashSet(StringComparer.Ordinal);
        var changedIds = diff.Changed.Select(d => d.OutcomeIdentifier).ToHashSet(StringComparer.Ordinal);
        var changes = new Dictionary<string, OutcomeChangeCount>(StringComparer.Ordinal);
        var writes = new List<OutcomeWrite>();
        var gone = new List<LedgerEntry>();
        var needsServer = false;
        foreach (var d in derived)
        {
            if (newIds.Contains(d.Identifier))
            {
                writes.Add(new OutcomeWrite(d.Resource, d.Identifier, d.Code, d.Hash, OutcomeStatus.Final)
                {
                    Base = server?.DeletedBases.GetValueOrDefault(d.Identifier) ?? "new",
                });
                Count(changes, d.Code, OutcomeStatus.Final);
            }
            else if (changedIds.Contains(d.Identifier))
            {
                var row = byId[d.Identifier];
                needsServer |= server is null && d.Code != OutcomeWrite.ResearchSubjectCode && (row.ServerResourceId is null || row.ServerVersionId is null);
                writes.Add(new OutcomeWrite(d.Resource, d.Identifier, d.Code, d.Hash, OutcomeStatus.Amended)
                {
                    IfMatch = d.Code == OutcomeWrite.ResearchSubjectCode ? null : row.ServerVersionId,
                    Base = BaseOf(row),
                });
                Count(changes, d.Code, OutcomeStatus.Amended);
            }
        }

        foreach (var retracted in diff.Retracted)
        {
            Count(changes, retracted.OutcomeCode, OutcomeStatus.EnteredInError);
            if (retracted.OutcomeCode == OutcomeWrite.ResearchSubjectCode)
            {
                writes.Add(new OutcomeWrite(null, retracted.OutcomeIdentifier, retracted.OutcomeCode, retracted.ContentHash, OutcomeStatus.EnteredInError) { Base = BaseOf(retracted) });
            }
            else if (server is null)
            {
                // Rewriting it entered-in-error needs the server's current resource: read by the reconcile.
                needsServer = true;
            }
            else if (server.Server.GetValueOrDefault(retracted.OutcomeIdentifier) is { } current && current.Status != OutcomeStatus.EnteredInError)
            {
                // The server's resource as it is (someone may have edited it), marked entered-in-error: the ledger records exactly that.
                writes.Add(new OutcomeWrite(current.Resource, retracted.OutcomeIdentifier, retracted.OutcomeCode, current.ContentHash, OutcomeStatus.EnteredInError)
                {
                    IfMatch = current.VersionId,
                    Base = BaseOf(retracted),
                });
            }
            else
            {
                // Already entered-in-error (someone retracted it first) or no longer on the server: the ledger forgets it as live.
                gone.Add(retracted with { Status = OutcomeStatus.EnteredInError });
            }
        }

        if (dryRun)
        {
            writes.Clear();
        }

        var written = writes.Select(w => w.IdentifierValue).ToHashSet(StringComparer.Ordinal);
        var findings = server?.Findings ?? [];
        var drift = findings.Select(f => new ServerDriftRecord(f.Kind, ActionOf(f, written.Contains(f.Identifier)), patientId, f.OutcomeCode, f.ResourceIds)).ToList();

        // An outside edit kept in an earlier run is written over now that the derivation changed: said again, with what was done.
        drift.AddRange(writes
            .Where(w => byId.GetValueOrDefault(w.IdentifierValue) is { EditedOutsideAt: not null, ServerResourceId: not null } && !findings.Any(f => f.Identifier == w.IdentifierValue))
            .Select(w => new ServerDriftRecord(DriftKinds.EditedOutside, DriftKinds.Reasserted, patientId, w.OutcomeCode, ["Observation/" + byId[w.IdentifierValue].ServerResourceId])));
        var count = diff.New.Count + diff.Changed.Count + diff.Retracted.Count;
        return new WritePlan(writes, changes, count, diff.Unchanged.Count, gone, drift, needsServer && !dryRun);
    }

    private static string BaseOf(LedgerEntry row) => row.ServerResourceId is { } id ? $"{id}/{row.ServerVersionId}" : "unknown";

    private static string ActionOf(DriftFinding finding, bool written) => finding.Kind switch
    {
        DriftKinds.Deleted => written ? DriftKinds.Restored : DriftKinds.LeftDeleted,
        DriftKinds.EditedOutside => written ? DriftKinds.Reasserted : DriftKinds.KeptEhrVersion,
        _ => DriftKinds.Adopted,
    };

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
