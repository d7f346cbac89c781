using System.Globalization;
using System.Text.RegularExpressions;
using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>
/// MRD levels written as text in the usual lab notations (<c>Reading:MrdTextValues</c>), read to a fraction:
/// E notation <c>1.0E-04</c> (one digit before the point, else <c>10E-4</c> would be ambiguous), times ten to a power
/// <c>1x10-4</c>, <c>1 x 10^-4</c>, <c>1×10E-4</c>, a bare power <c>10^-4</c>, a percent <c>0.01%</c>, each optionally
/// after a comparator (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>≤</c>, <c>≥</c>). A plain number without
/// a percent sign is refused: it could be a fraction or a percent. A decimal comma is refused. The result must lie in 0-1.
/// </summary>
internal static partial class MrdNotation
{
    /// <summary>The largest power of ten accepted either way (decimal arithmetic stays exact well within it).</summary>
    public const int MaxExponent = 20;

    public static bool TryParse(string text, out decimal fraction, out Comparator comparator)
    {
        fraction = 0;
        comparator = Comparator.None;
        var match = Notation().Match(text.Replace('\u2212', '-'));
        if (!match.Success)
        {
            return false;
        }

        var mantissa = match.Groups["m"].Success ? decimal.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 1m;
        var hasExponent = match.Groups["e"].Success;
        var percent = match.Groups["pct"].Success;
        if (!hasExponent && !percent)
        {
            return false;
        }

        // In E notation the mantissa is normalised (below 10): "10E-4" reads as 1E-3 to a parser and as 10^-4 to a person.
        if (match.Groups["enot"].Success && mantissa >= 10m)
        {
            return false;
        }

        var exponent = hasExponent ? int.Parse(match.Groups["e"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        if (Math.Abs(exponent) > MaxExponent)
        {
            return false;
        }

        var value = mantissa * Pow10(exponent) / (percent ? 100m : 1m);
        if (value > 1m)
        {
            return false;
        }

        fraction = value / 1.000000000000000000000000000m;
        comparator = match.Groups["cmp"].Value switch
        {
            "<" => Comparator.LessThan,
            "<=" or "≤" => Comparator.LessOrEqual,
            ">" => Comparator.GreaterThan,
            ">=" or "≥" => Comparator.GreaterOrEqual,
            _ => Comparator.None,
        };
        return true;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10m : result / 10m;
        }

        return result;
    }

    // cmp? then one of: m E e (enot) | m x 10 (^|E)? e (a sign required without ^ or E) | 10^e | m; then % optional.
    [GeneratedRegex(
        @"^\s*(?<cmp><=|>=|<|>|≤|≥)?\s*(?:"
        + @"(?<m>\d+(?:\.\d+)?)\s*(?<enot>[eE])\s*(?<e>[+-]?\d+)"
        + @"|(?<m>\d+(?:\.\d+)?)\s*[xX×*·]\s*10\s*(?:(?:\^|[eE])\s*(?<e>[+-]?\d+)|(?<e>-\d+))"
        + @"|10\s*\^\s*(?<e>[+-]?\d+)"
        + @"|(?<m>\d+(?:\.\d+)?)"
        + @")\s*(?<pct>%)?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Notation();
}
