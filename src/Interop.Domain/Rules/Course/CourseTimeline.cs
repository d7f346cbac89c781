namespace Interop.Domain.Rules.Course;

/// <summary>One stretch of continuous infusion, with the calendar dates of its ends.</summary>
internal sealed record InfusionInterval(DateTimeOffset Start, DateTimeOffset End, DateOnly StartDate, DateOnly EndDate);

/// <summary>
/// The time covered by blinatumomab administrations that ran: each from its start to the end <see cref="InfusionBags"/>
/// read for it (never past the as-of), overlaps merged.
/// </summary>
internal sealed class CourseTimeline
{
    private CourseTimeline(IReadOnlyList<InfusionInterval> intervals) => Intervals = intervals;

    public IReadOnlyList<InfusionInterval> Intervals { get; }

    public InfusionInterval? First => Intervals.Count > 0 ? Intervals[0] : null;

    public InfusionInterval? Last => Intervals.Count > 0 ? Intervals[^1] : null;

    public TimeSpan Covered => Intervals.Aggregate(TimeSpan.Zero, (sum, i) => sum + (i.End - i.Start));

    public int WholeDays => (int)(Covered.Ticks / TimeSpan.TicksPerDay);

    public int Gaps(TimeSpan longerThan) =>
        Intervals.Zip(Intervals.Skip(1)).Count(pair => pair.Second.Start - pair.First.End > longerThan);

    public static CourseTimeline Build(IEnumerable<InfusionBag> bags, Facts.AsOf asOf)
    {
        var merged = new List<InfusionInterval>();
        foreach (var interval in bags.Select(b => ToInterval(b, asOf)).OrderBy(i => i.Start).ThenBy(i => i.End))
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                var current = merged[^1];
                if (interval.End > current.End)
                {
                    merged[^1] = current with { End = interval.End, EndDate = interval.EndDate };
                }
            }
            else
            {
                merged.Add(interval);
            }
        }

        return new CourseTimeline(merged);
    }

    private static InfusionInterval ToInterval(InfusionBag bag, Facts.AsOf asOf)
    {
        var a = bag.Administration;
        if (bag.End >= asOf.Instant)
        {
            return new InfusionInterval(a.Start, asOf.Instant, a.StartDate, asOf.Date);
        }

        // The end's calendar date as recorded, in its own offset; a point keeps the start's date.
        var endDate = bag.End == a.Start ? a.StartDate : DateOnly.FromDateTime(bag.End.DateTime);
        return new InfusionInterval(a.Start, bag.End, a.StartDate, endDate);
    }
}
