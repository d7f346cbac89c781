using System.Globalization;
using Interop.Client.Contracts;

namespace Interop.Worker.Dashboard;

/// <summary>How the dashboard writes figures, dates and codes (invariant culture, ISO dates, percentages with one decimal).</summary>
internal static class Display
{
    public const string None = "–";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant in the site's time zone, to the minute.</summary>
    public static string Instant(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : None;

    public static string Percent(double? fraction) =>
        fraction is { } value ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : None;

    public static string Estimate(SurvivalEstimate? estimate) =>
        estimate is null ? "not reached" : $"{Percent(estimate.Estimate)} ({Percent(estimate.Lower)}–{Percent(estimate.Upper)})";

    /// <summary>A code of our own vocabulary (<c>bone-marrow</c>, <c>on-study-intervention</c>) in words.</summary>
    public static string Code(string? code) => code switch
    {
        null or "" => None,
        "cns" => "CNS",
        _ => char.ToUpperInvariant(code[0]) + code[1..].Replace('-', ' '),
    };
}
