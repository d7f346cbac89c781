using System.Collections.Frozen;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Units;

/// <summary>
/// A site's unit map: unit spellings its systems send (per unit code system, or written without one) to UCUM codes
/// (docs/reading-contract.md, "Units"). Only listed spellings are mapped, exactly as written; nothing is guessed.
/// Immutable and thread-safe once loaded.
/// </summary>
internal sealed class UnitMap
{
    private readonly FrozenDictionary<(string System, string Spelling), string> _entries;

    private UnitMap(FrozenDictionary<(string System, string Spelling), string> entries) => _entries = entries;

    /// <summary>No entries: every Quantity must carry a UCUM code itself.</summary>
    public static UnitMap Empty { get; } = new(FrozenDictionary<(string, string), string>.Empty);

    public int Count => _entries.Count;

    /// <summary>Loads each file in order; a later file's entry replaces an earlier one for the same system and spelling.</summary>
    /// <exception cref="TerminologyMapException">A file is missing, unreadable or not a valid unit map (the message names the file and element).</exception>
    public static UnitMap Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var entries = new Dictionary<(string, string), string>();
        foreach (var path in paths)
        {
            var label = $"unit map '{path}'";
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new TerminologyMapException($"{label}: cannot be read ({ex.GetType().Name})", ex);
            }

            foreach (var entry in UnitMapReader.Read(json, label))
            {
                entries[(entry.System, entry.Spelling)] = entry.Ucum;
            }
        }

        return entries.Count == 0 ? Empty : new UnitMap(entries.ToFrozenDictionary());
    }

    /// <summary>
    /// The UCUM code for a unit spelling sent in <paramref name="system"/> (null or empty: a unit written without a system).
    /// </summary>
    public bool TryMap(string? system, string spelling, out string ucum) =>
        _entries.TryGetValue((system ?? string.Empty, spelling), out ucum!);
}

/// <summary>One unit-map entry; <see cref="System"/> is empty for units written without a system.</summary>
internal readonly record struct UnitMapEntry(string System, string Spelling, string Ucum);
