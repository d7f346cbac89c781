using System.Globalization;
using Interop.Domain.Facts;

namespace Interop.Sync;

/// <summary>Turns <c>--as-of</c> into an <see cref="AsOf"/> in the site's time zone.</summary>
public static class AsOfParser
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
    ];

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
    ];

    /// <summary>
    /// A date means the whole of that day: the as-of instant is its last second in the site's zone.
    /// An instant without an offset is taken in the site's zone; one with an offset is kept as given.
    /// </summary>
    public static bool TryParse(string text, TimeZoneInfo siteZone, out AsOf asOf)
    {
        asOf = null!;
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var lastSecond = date.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Unspecified);
            asOf = new AsOf(new DateTimeOffset(lastSecond, siteZone.GetUtcOffset(lastSecond)), date);
            return true;
        }

        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            asOf = InZone(new DateTimeOffset(local, siteZone.GetUtcOffset(local)), siteZone);
            return true;
        }

        if (DateTimeOffset.TryParseExact(trimmed, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            asOf = InZone(instant, siteZone);
            return true;
        }

        return false;
    }

    /// <summary>The as-of for an instant: its calendar date is the one in the site's zone.</summary>
    public static AsOf InZone(DateTimeOffset instant, TimeZoneInfo siteZone)
    {
        var truncated = new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);
        var siteLocal = TimeZoneInfo.ConvertTime(truncated, siteZone);
        return new AsOf(truncated, DateOnly.FromDateTime(siteLocal.DateTime));
    }
}
