using Interop.Store;
using Canonical = Interop.Fhir.Canonical;

namespace Interop.Sync.Live;

/// <summary>Something found on the server that the ledger did not expect; its action is decided by the write plan.</summary>
/// <param name="Kind">One of <see cref="DriftKinds"/>.</param>
/// <param name="Identifier">The outcome identifier value.</param>
/// <param name="OutcomeCode">The outcome code.</param>
/// <param name="ResourceIds">The server resources involved, as <c>Type/id</c>.</param>
internal sealed record DriftFinding(string Kind, string Identifier, string OutcomeCode, IReadOnlyList<string> ResourceIds);

/// <summary>The codes of <see cref="ServerDriftRecord"/> (kinds and actions): our own vocabulary, no data.</summary>
internal static class DriftKinds
{
    public const string Deleted = "deleted";
    public const string EditedOutside = "edited-outside";
    public const string Duplicate = "duplicate-identifier";
    public const string Unrecorded = "unrecorded";

    public const string Restored = "restored";
    public const string KeptEhrVersion = "kept-ehr-version";
    public const string Reasserted = "reasserted";
    public const string LeftDeleted = "left-deleted";
    public const string Adopted = "adopted";
    public const string Queued = "queued";
    public const string Parked = "parked";
}

/// <summary>What one patient's reconcile found: the ledger as the server has it, what to record now, and what drifted.</summary>
internal sealed record Reconciled(
    IReadOnlyList<LedgerEntry> View,
    IReadOnlyList<LedgerEntry> Persist,
    IReadOnlyList<DriftFinding> Findings,
    IReadOnlyList<DriftFinding> Duplicates,
    IReadOnlyDictionary<string, ServerOutcome> Server,
    IReadOnlyDictionary<string, string> DeletedBases);

/// <summary>
/// Sets a patient's ledger against what the server holds (the EHR's state wins, ADR 0007), pure. Per outcome identifier:
/// the server version the ledger knows, or the same content under a newer version, is adopted; content the adapter itself
/// sent in an attempt whose answer never came (a write intent) is adopted as written; anything else the server holds is an
/// outside edit (kept, <see cref="LedgerEntry.EditedOutsideAt"/>); a ledger outcome the server no longer has was deleted;
/// one the ledger does not know is adopted as unrecorded; two server resources under one identifier are a duplicate.
/// Outcome Observations only: ResearchSubject rows pass through unchanged.
/// </summary>
internal static class OutcomeReconciliation
{
    public static Reconciled Reconcile(
        IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<OutcomeWriteIntent> intents, ILookup<string, ServerOutcome> server, DateTimeOffset now)
    {
        var byId = ledger.ToDictionary(e => e.OutcomeIdentifier, StringComparer.Ordinal);
        var intentById = intents.ToDictionary(i => i.OutcomeIdentifier, StringComparer.Ordinal);
        var view = new List<LedgerEntry>();
        var persist = new List<LedgerEntry>();
        var findings = new List<DriftFinding>();
        var duplicates = new List<DriftFinding>();
        var single = new Dictionary<string, ServerOutcome>(StringComparer.Ordinal);
        var deleted = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var group in server)
        {
            var resources = group.ToList();
            var code = byId.TryGetValue(group.Key, out var known) ? known.OutcomeCode : CodeOf(group.Key);
            if (resources.Count > 1)
            {
                duplicates.Add(new DriftFinding(DriftKinds.Duplicate, group.Key, code, [.. resources.Select(r => r.Reference).Order(StringComparer.Ordinal)]));
                continue;
            }

            single[group.Key] = resources[0];
        }

        foreach (var entry in ledger.Where(e => e.OutcomeCode == OutcomeWrite.ResearchSubjectCode))
        {
            view.Add(entry);
        }

        foreach (var (identifier, outcome) in single.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            byId.TryGetValue(identifier, out var entry);
            intentById.TryGetValue(identifier, out var intent);
            var (seen, finding) = Classify(entry, intent, outcome, now);
            view.Add(seen);
            if (seen != entry)
            {
                persist.Add(seen);
            }

            if (finding is not null)
            {
                findings.Add(new DriftFinding(finding, identifier, seen.OutcomeCode, [outcome.Reference]));
            }
        }

        foreach (var entry in ledger.Where(e => e.OutcomeCode != OutcomeWrite.ResearchSubjectCode && !server.Contains(e.OutcomeIdentifier)))
        {
            if (entry.ServerResourceId is not { } lastId)
            {
                view.Add(entry);
                continue;
            }

            // Deleted on the server: out of the view (a derived outcome is then written anew), remembered as gone.
            deleted[entry.OutcomeIdentifier] = $"deleted:{lastId}/{entry.ServerVersionId}";
            findings.Add(new DriftFinding(DriftKinds.Deleted, entry.OutcomeIdentifier, entry.OutcomeCode, ["Observation/" + lastId]));
            persist.Add(entry with { ServerResourceId = null, ServerVersionId = null, Status = OutcomeStatus.EnteredInError, EditedOutsideAt = null });
        }

        // Duplicated identifiers keep their ledger rows: nothing is written for them until the duplicate is gone.
        foreach (var duplicate in duplicates)
        {
            if (byId.TryGetValue(duplicate.Identifier, out var entry))
            {
                view.Add(entry);
            }
        }

        return new Reconciled(view, persist, findings, duplicates, single, deleted);
    }

    private static (LedgerEntry Seen, string? Finding) Classify(LedgerEntry? entry, OutcomeWriteIntent? intent, ServerOutcome outcome, DateTimeOffset now)
    {
        var adopted = (string hash, OutcomeStatus status) => new LedgerEntry(
            outcome.Identifier, entry?.PatientId ?? outcome.PatientId ?? string.Empty, entry?.OutcomeCode ?? CodeOf(outcome.Identifier),
            hash, outcome.ResourceId, outcome.VersionId, status, now);

        if (entry is not null && entry.ServerResourceId == outcome.ResourceId && entry.ServerVersionId == outcome.VersionId)
        {
            return (entry, null);
        }

        if (entry is not null && outcome.Holds(entry.ContentHash, entry.Status))
        {
            // What the ledger recorded, under a newer version (a re-save, or an outside edit undone): in step again.
            return (entry with { ServerResourceId = outcome.ResourceId, ServerVersionId = outcome.VersionId, EditedOutsideAt = null }, null);
        }

        if (intent is not null && outcome.Holds(intent.ContentHash, intent.Status))
        {
            // The adapter's own write whose answer never arrived: it committed.
            return (adopted(intent.ContentHash, intent.Status), null);
        }

        if (entry is null)
        {
            return outcome.Status is { } status
                ? (adopted(outcome.ContentHash, status), DriftKinds.Unrecorded)
                : (adopted(outcome.ContentHash, OutcomeStatus.Amended) with { EditedOutsideAt = now }, DriftKinds.EditedOutside);
        }

        // Someone else's edit (content or status): the EHR's version stands; the ledger keeps what the adapter last derived.
        return (entry with { ServerResourceId = outcome.ResourceId, ServerVersionId = outcome.VersionId, EditedOutsideAt = entry.EditedOutsideAt ?? now },
            DriftKinds.EditedOutside);
    }

    /// <summary>The outcome code of an identifier value <c>{studyId}/{code}/{patientId}[/{timepoint}]</c>.</summary>
    public static string CodeOf(string identifier)
    {
        var parts = identifier.Split('/');
        return parts.Length >= 3 ? parts[1] : "unknown";
    }

    /// <summary>The patient id of an identifier value, or null.</summary>
    public static string? PatientOf(string identifier)
    {
        var parts = identifier.Split('/');
        return parts.Length >= 3 ? parts[2] : null;
    }

    /// <summary>The search token of one outcome identifier (for logs and conditional URLs).</summary>
    public static string Token(string identifier) => $"{Canonical.OutcomeIdentifierSystem}|{identifier}";
}
