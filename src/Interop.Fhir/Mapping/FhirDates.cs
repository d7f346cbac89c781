using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Interop.Fhir.Mapping;

/// <summary>A moment as the EHR recorded it: the instant, and the calendar date written in the record.</summary>
internal readonly record struct FhirMoment(DateTimeOffset At, DateOnly Date);

/// <summary>
/// Reads FHIR date, dateTime and instant values (docs/reading-contract.md: "dates are compared as the calendar dates the
/// EHR recorded; a dateTime without a time zone is taken in the site's configured zone").
/// </summary>
internal static partial class FhirDates
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// A full date or dateTime: with an offset, the date is the one written and the instant keeps that offset
    /// (no conversion to UTC or the site zone); a date alone is midnight in <paramref name="siteZone"/>; a time
    /// without a zone is taken in <paramref name="siteZone"/>. Partial dates (year, year-month) give null.
    /// </summary>
    public static FhirMoment? Parse(string? value, TimeZoneInfo siteZone)
    {
        if (value is null)
        {
            return null;
        }

        var m = DateTimePattern().Match(value);
        if (!m.Success
            || !DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var time = TimeOnly.MinValue;
        if (m.Groups["time"].Success && !TryTime(m, out time))
        {
            return null;
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = m.Groups["zone"].Success ? ParseOffset(m.Groups["zone"].Value) : siteZone.GetUtcOffset(local);
        if (offset.Duration() > MaxOffset)
        {
            return null;
        }

        return new FhirMoment(new DateTimeOffset(local, offset), date);
    }

    /// <summary>The full date of a FHIR date or dateTime as written, or null when partial or invalid.</summary>
    public static DateOnly? FullDate(string? value) =>
        Parse(value, TimeZoneInfo.Utc)?.Date;

    /// <summary>An instant (Observation.issued, effectiveInstant).</summary>
    public static FhirMoment? Parse(Instant? instant, TimeZoneInfo siteZone)
    {
        if (instant is null)
        {
            return null;
        }

        if (instant.JsonValue is string text)
        {
            return Parse(text, siteZone);
        }

        return instant.Value is { } v ? new FhirMoment(v, DateOnly.FromDateTime(v.DateTime)) : null;
    }

    private static bool TryTime(Match m, out TimeOnly time)
    {
        time = default;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var ticks = 0L;
        if (m.Groups["frac"].Success)
        {
            var digits = m.Groups["frac"].Value.PadRight(7, '0')[..7];
            ticks = long.Parse(digits, CultureInfo.InvariantCulture);
        }

        time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
        return true;
    }

    private static TimeSpan ParseOffset(string zone)
    {
        if (zone == "Z")
        {
            return TimeSpan.Zero;
        }

        var sign = zone[0] == '-' ? -1 : 1;
        var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return sign * new TimeSpan(hours, minutes, 0);
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?<time>T(?<h>\d{2}):(?<min>\d{2})(:(?<s>\d{2})(\.(?<frac>\d+))?)?(?<zone>Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
