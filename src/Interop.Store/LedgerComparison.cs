namespace Interop.Store;

/// <summary>An outcome a run derived for a patient: its identifier and content hash.</summary>
public sealed record OutcomeDigest(string OutcomeIdentifier, string ContentHash);

/// <summary>
/// A patient's derived outcomes set against the ledger. <see cref="New"/> and <see cref="Changed"/> are
/// written; <see cref="Unchanged"/> are not (no new server versions on a rerun); <see cref="Retracted"/>
/// are in the ledger but no longer derived, and are candidates for <c>entered-in-error</c>.
/// </summary>
public sealed record LedgerDiff(
    IReadOnlyList<OutcomeDigest> New,
    IReadOnlyList<OutcomeDigest> Changed,
    IReadOnlyList<OutcomeDigest> Unchanged,
    IReadOnlyList<LedgerEntry> Retracted)
{
    /// <summary>True when nothing needs writing for this patient.</summary>
    public bool NothingToWrite => New.Count == 0 && Changed.Count == 0 && Retracted.Count == 0;
}

/// <summary>Compares derived outcomes with the ledger (pure: no store access).</summary>
public static class LedgerComparison
{
    /// <summary>True when the ledger already holds this content as a live (not retracted) outcome.</summary>
    public static bool IsUnchanged(LedgerEntry? existing, string contentHash) =>
        existing is not null
        && existing.Status != OutcomeStatus.EnteredInError
        && string.Equals(existing.ContentHash, contentHash, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sorts a patient's derived outcomes into new, changed, unchanged, and ledger rows retracted.</summary>
    public static LedgerDiff Compare(IReadOnlyCollection<LedgerEntry> ledger, IReadOnlyCollection<OutcomeDigest> derived)
    {
        var byId = ledger.ToDictionary(e => e.OutcomeIdentifier, StringComparer.Ordinal);
        List<OutcomeDigest> added = [], changed = [], unchanged = [];
        foreach (var outcome in derived)
        {
            if (!byId.TryGetValue(outcome.OutcomeIdentifier, out var existing))
            {
                added.Add(outcome);
            }
            else if (IsUnchanged(existing, outcome.ContentHash))
            {
                unchanged.Add(outcome);
            }
            else
            {
                changed.Add(outcome);
            }
        }

        var derivedIds = derived.Select(d => d.OutcomeIdentifier).ToHashSet(StringComparer.Ordinal);
        var retracted = ledger
            .Where(e => e.Status != OutcomeStatus.EnteredInError && !derivedIds.Contains(e.OutcomeIdentifier))
            .OrderBy(e => e.OutcomeIdentifier, StringComparer.Ordinal)
            .ToList();
        return new LedgerDiff(added, changed, unchanged, retracted);
    }
}
