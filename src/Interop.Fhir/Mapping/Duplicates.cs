using System.Globalization;

namespace Interop.Fhir.Mapping;

/// <summary>Every copy of one <c>Type/id</c> read more than once, and which of them is used (see <see cref="DuplicateIndex"/>).</summary>
internal sealed class Duplicates(string type, string id, RecordCopy first)
{
    private const int MaxLocationsNamed = 3;
    private readonly List<RecordCopy> _distinct = [first];
    private readonly List<(RecordCopy Copy, RecordCopy Of)> _identical = [];

    /// <summary>The copy in use; null when no copy is strictly latest (then all are quarantined).</summary>
    public RecordCopy? Winner { get; private set; } = first;

    /// <summary>Decides on <paramref name="copy"/>; <c>Known</c> is false when its sameness to an earlier copy could not be told (see <see cref="Compare"/>).</summary>
    public (CopyDecision Decision, bool Known) Add(RecordCopy copy)
    {
        var known = true;
        foreach (var earlier in _distinct)
        {
            var same = Compare(earlier, copy);
            if (same == true)
            {
                _identical.Add((copy, earlier));
                return (new CopyDecision(false, null), known);
            }

            known &= same is not null;
        }

        _distinct.Add(copy);
        var previous = Winner;
        Winner = Latest();
        return (Winner == copy
            ? new CopyDecision(true, previous)
            : new CopyDecision(false, Winner is null ? previous : null), known);
    }

    /// <summary>
    /// Whether two copies hold the same content; null when that cannot be told: hashes of different kinds, or different
    /// line hashes (the same content may be written differently), with the same meta.lastUpdated or none on both. A
    /// different lastUpdated is different content, as lastUpdated is part of it.
    /// </summary>
    internal static bool? Compare(RecordCopy earlier, RecordCopy copy)
    {
        if (earlier.Content is not { } a || copy.Content is not { } b)
        {
            return false;
        }

        if (earlier.Hashed == copy.Hashed && a == b)
        {
            return true;
        }

        if (earlier.Hashed == ContentHash.Serialised && copy.Hashed == ContentHash.Serialised)
        {
            return false;
        }

        return earlier.LastUpdated != copy.LastUpdated ? false : null;
    }

    public void Report(List<(int, QuarantineEntry)> quarantined, List<(int, WarningEntry)> warnings, bool reportIdentical)
    {
        if (!_distinct.Exists(c => c.Kind == CopyKind.Relevant))
        {
            return;
        }

        var patient = _distinct.Select(c => c.PatientId).FirstOrDefault(p => p is not null);
        var c = CultureInfo.InvariantCulture;
        foreach (var copy in _distinct)
        {
            if (Winner is null)
            {
                var reason = string.Create(c, $"{type}/{id} is also at {Others(copy)}, with other content (or as deleted) and no later meta.lastUpdated to choose by: every copy is set aside; keep one version in the export");
                quarantined.Add((copy.Sequence, new QuarantineEntry(copy.Location, type, id, copy.PatientId ?? patient, reason)));
            }
            else if (copy != Winner)
            {
                var detail = string.Create(c, $"superseded by the copy at {Winner.Value.Location}, whose meta.lastUpdated is later: that one is read");
                warnings.Add((copy.Sequence, new WarningEntry(copy.Location, type, id, copy.PatientId ?? patient, "duplicate-superseded", detail)));
            }
        }

        if (reportIdentical)
        {
            foreach (var (copy, of) in _identical)
            {
                var detail = string.Create(c, $"the same content is also at {of.Location}: read once");
                warnings.Add((copy.Sequence, new WarningEntry(copy.Location, type, id, copy.PatientId ?? patient, "duplicate-identical", detail)));
            }
        }
    }

    /// <summary>The copy whose lastUpdated is later than every other's; none when any is missing or the latest is shared.</summary>
    private RecordCopy? Latest()
    {
        if (_distinct.Exists(c => c.LastUpdated is null))
        {
            return null;
        }

        var latest = _distinct.Max(c => c.LastUpdated!.Value);
        var at = _distinct.FindAll(c => c.LastUpdated == latest);
        return at.Count == 1 ? at[0] : null;
    }

    private string Others(RecordCopy copy)
    {
        var others = _distinct.Where(c => c != copy).Select(c => c.Location).ToList();
        var named = string.Join(", ", others.Take(MaxLocationsNamed));
        return others.Count > MaxLocationsNamed
            ? string.Create(CultureInfo.InvariantCulture, $"{named} and {others.Count - MaxLocationsNamed} more")
            : named;
    }
}
