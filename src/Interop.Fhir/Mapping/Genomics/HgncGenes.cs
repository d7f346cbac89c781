using System.Collections.Frozen;
using Hl7.Fhir.Model;

namespace Interop.Fhir.Mapping.Genomics;

/// <summary>
/// The genes the adapter names: KMT2A and its common fusion partners in infant ALL, by HGNC id, approved symbol and the
/// legacy symbols reports still use. A partner named in a record is carried only as a symbol from this table.
/// </summary>
/// <remarks>
/// Ids and symbols: HGNC (genenames.org), as recorded in GenAtlas and HL7 IG value sets; partners after Meyer C et al.,
/// Leukemia 2023;37:988 (the KMT2A recombinome). EPS15 is recognised by symbol only (its HGNC id is not confirmed here).
/// </remarks>
internal static class HgncGenes
{
    public const string Kmt2a = "KMT2A";

    private static readonly (string Symbol, string? Id, string[] Legacy)[] Genes =
    [
        (Kmt2a, "HGNC:7132", ["MLL", "MLL1"]),
        ("AFF1", "HGNC:7135", ["AF4", "MLLT2"]),
        ("MLLT1", "HGNC:7134", ["ENL"]),
        ("MLLT3", "HGNC:7136", ["AF9"]),
        ("MLLT10", "HGNC:16063", ["AF10"]),
        ("AFDN", "HGNC:7137", ["AF6", "MLLT4"]),
        ("ELL", "HGNC:23114", []),
        ("EPS15", null, ["AF1P", "MLLT5"]),
    ];

    // THO's HGNC system is http://www.genenames.org (codes are HGNC ids); Genomics Reporting STU1 used .../geneId; real
    // reports also code approved symbols in the same systems (e.g. German MII panels).
    private static readonly FrozenSet<string> Systems = FrozenSet.ToFrozenSet(
        ["http://www.genenames.org", "https://www.genenames.org", "http://www.genenames.org/geneId", "https://www.genenames.org/geneId"],
        StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ById = Genes
        .Where(g => g.Id is not null)
        .SelectMany(g => new[] { (Key: g.Id!, g.Symbol), (Key: g.Id!["HGNC:".Length..], g.Symbol) })
        .ToFrozenDictionary(x => x.Key, x => x.Symbol, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> BySymbol = Genes
        .SelectMany(g => g.Legacy.Append(g.Symbol).Select(s => (Key: s, g.Symbol)))
        .ToFrozenDictionary(x => x.Key, x => x.Symbol, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the coding is in an HGNC code system.</summary>
    public static bool IsHgnc(Coding coding) => coding.System is { } system && Systems.Contains(system);

    /// <summary>The table symbol of an HGNC coding (by id, or by approved or legacy symbol); null when not in the table.</summary>
    public static string? Symbol(Coding coding)
    {
        if (!IsHgnc(coding) || string.IsNullOrWhiteSpace(coding.Code))
        {
            return null;
        }

        var code = coding.Code.Trim();
        return ById.TryGetValue(code, out var byId) ? byId : BySymbol.GetValueOrDefault(code);
    }

    /// <summary>The table symbol of a word of free text (an approved or legacy symbol), or null. The text itself is never kept.</summary>
    public static string? SymbolOfWord(string word) => BySymbol.GetValueOrDefault(word);
}
