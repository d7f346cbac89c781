using System.Globalization;

namespace Interop.SyntheticCohort;

/// <summary>
/// Wall-clock times in Europe/Amsterdam, computed by rule rather than from the machine's time-zone
/// database so that every machine writes the same bytes.
/// </summary>
internal static class LocalClock
{
    public static TimeSpan OffsetOn(DateOnly date)
    {
        // Summer time runs from the last Sunday of March to the last Sunday of October; every
        // generated time lies between 06:00 and 22:00, so the date decides.
        var start = LastSunday(date.Year, 3);
        var end = LastSunday(date.Year, 10);
        return date >= start && date < end ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A FHIR dateTime for a local wall-clock time, with its offset unless <paramref name="withoutZone"/>.</summary>
    public static string DateTime(DateTime local, bool withoutZone = false)
    {
        var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (withoutZone)
        {
            return text;
        }

        var offset = OffsetOn(DateOnly.FromDateTime(local));
        return text + (offset.Hours == 2 ? "+02:00" : "+01:00");
    }

    public static DateTime At(DateOnly date, int minuteOfDay) => date.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, System.DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
