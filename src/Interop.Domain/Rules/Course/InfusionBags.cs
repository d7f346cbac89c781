using Interop.Domain.Facts;

namespace Interop.Domain.Rules.Course;

/// <summary>Where the end the course counts an administration to came from.</summary>
internal enum BagEndSource
{
    /// <summary>effectivePeriod.end (cut at the as-of when later).</summary>
    Recorded,

    /// <summary>Still in progress at the as-of, within the plausible bag length.</summary>
    AsOf,

    /// <summary>No end recorded: the next administration's start (a bag change).</summary>
    NextBag,

    /// <summary>No end recorded and no next administration soon enough: the plausible bag length (or the as-of, if sooner).</summary>
    PlausibleLength,
}

/// <summary>One blinatumomab administration that ran, with the end the course counts it to.</summary>
internal sealed record InfusionBag(DrugAdministration Administration, DateTimeOffset End, BagEndSource Source)
{
    /// <summary>True when the time it ran was recorded (an end, or running up to the as-of), not inferred.</summary>
    public bool DurationRecorded => Source is BagEndSource.Recorded or BagEndSource.AsOf;
}

/// <summary>
/// When each blinatumomab administration that ran ended (docs/reading-contract.md, "Administration timing"): its recorded
/// end; one still in progress runs to the as-of. Without a recorded end (an open effectivePeriod, or effectiveDateTime) a
/// bag ends where the next one starts, and no bag without an end counts longer than the plausible bag length: a bag left
/// "in progress" for months is one bag, not months of infusion. Every reading that is not the record's own is flagged.
/// </summary>
internal static class InfusionBags
{
    /// <summary>Flag: in progress without an end for longer than the plausible bag length; counted only up to it.</summary>
    public const string BeyondPlausibleLength = "open-ended-infusion-beyond-plausible-length";

    /// <summary>Flag: completed or stopped (or superseded by a later bag) without an end; its end was inferred.</summary>
    public const string EndNotRecorded = "infusion-end-not-recorded";

    /// <param name="ran">The administrations that ran, ordered by start.</param>
    /// <param name="context">The options (plausible bag length), the as-of, and where flags go.</param>
    public static IReadOnlyList<InfusionBag> Read(IReadOnlyList<DrugAdministration> ran, EvaluationContext context)
    {
        var length = TimeSpan.FromHours(context.Options.PlausibleBagLengthHours);
        var asOf = context.AsOf.Instant;
        var bags = new List<InfusionBag>(ran.Count);
        for (var i = 0; i < ran.Count; i++)
        {
            var a = ran[i];
            if (a.End is { } end)
            {
                bags.Add(new InfusionBag(a, end < a.Start ? a.Start : end, BagEndSource.Recorded));
                continue;
            }

            var bound = a.Start + length;
            var limit = bound < asOf ? bound : asOf;
            var next = NextStart(ran, i);
            if (next is { } n && n <= limit)
            {
                context.Flag(EndNotRecorded, a.Evidence,
                    "A blinatumomab administration has no recorded end: counted until the next administration starts. Record effectivePeriod.end.");
                bags.Add(new InfusionBag(a, n, BagEndSource.NextBag));
            }
            else if (a.Status == AdministrationStatus.InProgress && asOf <= bound)
            {
                bags.Add(new InfusionBag(a, asOf, BagEndSource.AsOf));
            }
            else if (a.Status == AdministrationStatus.InProgress)
            {
                context.Flag(BeyondPlausibleLength, a.Evidence,
                    "A blinatumomab administration is in progress without an end for longer than the plausible bag length (Rules:PlausibleBagLengthHours): counted only up to that length. Record its end or correct its status.");
                bags.Add(new InfusionBag(a, bound, BagEndSource.PlausibleLength));
            }
            else
            {
                // The course's own bags say how long a bag runs here (e.g. 96 h bags): the last one is not stretched to the bound.
                var assumed = TypicalLength(bags) is { } typical && typical < length ? typical : length;
                var assumedEnd = a.Start + assumed < asOf ? a.Start + assumed : asOf;
                context.Flag(EndNotRecorded, a.Evidence,
                    "A blinatumomab administration has no recorded end and no next administration within the plausible bag length (Rules:PlausibleBagLengthHours): counted for the course's usual bag length (the median of its earlier bags), at most that length. Record effectivePeriod.end.");
                bags.Add(new InfusionBag(a, assumedEnd, BagEndSource.PlausibleLength));
            }
        }

        return bags;
    }

    /// <summary>The median length of the bags read so far whose end was recorded or is the next bag's start; null when none.</summary>
    private static TimeSpan? TypicalLength(List<InfusionBag> bags)
    {
        var lengths = bags
            .Where(b => b.Source is BagEndSource.Recorded or BagEndSource.NextBag && b.End > b.Administration.Start)
            .Select(b => b.End - b.Administration.Start)
            .Order()
            .ToList();
        if (lengths.Count == 0)
        {
            return null;
        }

        var middle = lengths.Count / 2;
        return lengths.Count % 2 == 1 ? lengths[middle] : (lengths[middle - 1] + lengths[middle]) / 2;
    }

    private static DateTimeOffset? NextStart(IReadOnlyList<DrugAdministration> ran, int index)
    {
        for (var j = index + 1; j < ran.Count; j++)
        {
            if (ran[j].Start > ran[index].Start)
            {
                return ran[j].Start;
            }
        }

        return null;
    }
}
