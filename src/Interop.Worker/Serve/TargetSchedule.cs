using Cronos;

namespace Interop.Worker.Serve;

/// <summary>The occurrences of one target's cron expression in the site's time zone (Cronos handles daylight-saving changes).</summary>
internal sealed record TargetSchedule(string Target, CronExpression Cron, TimeZoneInfo Zone)
{
    /// <summary>The first occurrence strictly after <paramref name="from"/>.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset from) => Cron.GetNextOccurrence(from, Zone);

    /// <summary>Whether an occurrence falls in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public bool HasOccurrence(DateTimeOffset after, DateTimeOffset upTo) =>
        upTo > after && Cron.GetOccurrences(after, upTo, Zone, fromInclusive: false, toInclusive: true).Any();

    /// <summary>Whether an occurrence falls in (<paramref name="after"/>, <paramref name="before"/>).</summary>
    public bool HasOccurrenceBefore(DateTimeOffset after, DateTimeOffset before) =>
        before > after && Cron.GetOccurrences(after, before, Zone, fromInclusive: false, toInclusive: false).Any();
}
