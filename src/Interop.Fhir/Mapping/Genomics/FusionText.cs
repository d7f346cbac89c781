using System.Text.RegularExpressions;

namespace Interop.Fhir.Mapping.Genomics;

/// <summary>What a variant description (HGVS, ISCN, a 81252-9 text) says: whether it describes a fusion, and the genes it names.</summary>
/// <param name="Fusion">It describes a fusion or a translocation.</param>
/// <param name="NamesKmt2a">It names KMT2A (or MLL).</param>
/// <param name="Partners">The partner genes it names, as table symbols.</param>
/// <param name="Negated">It carries a negation (no, not, without, negative, absent): "no KMT2A fusion" must not read as a fusion.</param>
/// <param name="PartnerSpecific">It names one particular fusion (a <c>::</c> pair, a translocation, or a partner gene).</param>
internal sealed record TextReading(bool Fusion, bool NamesKmt2a, IReadOnlySet<string> Partners, bool Negated, bool PartnerSpecific);

/// <summary>
/// Reads variant descriptions for the marks of a fusion, by fixed rules only: the fusion separator <c>::</c> (HGVS and
/// ISCN 2016 and later), the words "fusion" or "rearranged", an ISCN translocation involving chromosome 11
/// (<c>t(4;11)(q21;q23)</c>), or KMT2A named together with a partner from <see cref="HgncGenes"/> (<c>MLL-AF4</c>).
/// Nothing of the text is kept beyond that reading.
/// </summary>
internal static partial class FusionText
{
    public static TextReading Read(IEnumerable<string> texts)
    {
        var fusion = false;
        var kmt2a = false;
        var negated = false;
        var specific = false;
        var partners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            fusion |= text.Contains("::", StringComparison.Ordinal)
                || text.Contains("fusion", StringComparison.OrdinalIgnoreCase)
                || text.Contains("rearrang", StringComparison.OrdinalIgnoreCase)
                || Translocation11().IsMatch(text);
            negated |= Negation().IsMatch(text);
            specific |= text.Contains("::", StringComparison.Ordinal) || Translocation11().IsMatch(text);
            foreach (var word in Words().EnumerateMatches(text))
            {
                var symbol = HgncGenes.SymbolOfWord(text.Substring(word.Index, word.Length));
                if (symbol == HgncGenes.Kmt2a)
                {
                    kmt2a = true;
                }
                else if (symbol is not null)
                {
                    partners.Add(symbol);
                }
            }
        }

        return new TextReading(fusion || (kmt2a && partners.Count > 0), kmt2a, partners, negated, specific || partners.Count > 0);
    }

    // t(4;11), t(11;19), t(X;11) ...: a translocation with chromosome 11, where KMT2A lies (11q23).
    [GeneratedRegex(@"\bt\(\s*(11\s*;\s*[0-9XY]{1,2}|[0-9XY]{1,2}\s*;\s*11)\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Translocation11();

    [GeneratedRegex(@"\b(no|not|non|without|negative|neg|absent|excluded)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    [GeneratedRegex(@"[A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
