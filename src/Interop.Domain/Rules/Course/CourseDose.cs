using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Domain.Rules.Course;

/// <summary>The cumulative dose per m2, or why it is unknown (and which administration made it so).</summary>
internal sealed record CumulativeDose(decimal? PerSquareMetre, IReadOnlyList<EvidenceRef> BsaEvidence, DoseUnknownReason? Unknown, EvidenceRef? UnknownAt);

/// <summary>
/// Cumulative dose per m2: each administration's dose per m2 as given, or its mass over the body-surface area measured
/// last on or before its start (else the first after); an administration recorded only with a rate contributes the rate
/// times the time it ran, when that time was recorded. Unknown (never smaller) when any administration's amount is.
/// </summary>
internal static class CourseDose
{
    /// <summary>The flag raised once per course whose cumulative dose is unknown, on the first administration that made it so.</summary>
    public const string UnknownFlag = "cumulative-dose-unknown";

    public static CumulativeDose Cumulative(IEnumerable<InfusionBag> bags, FactSelection facts)
    {
        var bsa = facts.Counted(LabKind.BodySurfaceArea)
            .Where(r => r.Amount is > 0 && r.Comparator == Comparator.None)
            .ToList();
        var used = new List<EvidenceRef>();
        decimal total = 0;
        (DoseUnknownReason Reason, EvidenceRef At)? unknown = null;
        foreach (var bag in bags)
        {
            var (amount, perSquareMetre, reason) = Amount(bag);
            if (reason is { } r)
            {
                unknown ??= (r, bag.Administration.Evidence);
                continue;
            }

            if (perSquareMetre)
            {
                total += amount;
                continue;
            }

            var start = bag.Administration.StartDate;
            var area = FactSelection.Last(bsa.Where(x => x.Date <= start)) ?? FactSelection.First(bsa.Where(x => x.Date > start));
            if (area is null)
            {
                unknown ??= (DoseUnknownReason.BodySurfaceAreaMissing, bag.Administration.Evidence);
                continue;
            }

            used.Add(area.Evidence);
            total += amount / area.Amount!.Value;
        }

        return unknown is { } u
            ? new CumulativeDose(null, Evidence.Of(used), u.Reason, u.At)
            : new CumulativeDose(Math.Round(total, 2, MidpointRounding.AwayFromZero), Evidence.Of(used), null, null);
    }

    /// <summary>What the course says when the dose is unknown, in the adapter's words.</summary>
    public static string Describe(DoseUnknownReason reason) => reason switch
    {
        DoseUnknownReason.DoseNotRecorded => "The cumulative blinatumomab dose is unknown: an administration records neither dosage.dose nor dosage.rate[x].",
        DoseUnknownReason.BodySurfaceAreaMissing => "The cumulative blinatumomab dose is unknown: an administration's dose is in micrograms and no body-surface area is recorded to express it per m2.",
        DoseUnknownReason.RateWithoutRecordedEnd => "The cumulative blinatumomab dose is unknown: an administration gives only a rate and its end was not recorded, so the time it ran is not known. Record effectivePeriod.end.",
        _ => "The cumulative blinatumomab dose is unknown: an administration's dosage cannot be read as an amount (see its mapping warning).",
    };

    private static (decimal Amount, bool PerSquareMetre, DoseUnknownReason? Unknown) Amount(InfusionBag bag)
    {
        var a = bag.Administration;
        if (a.DoseMicrogramsPerSquareMetre is { } perSquareMetre)
        {
            return (perSquareMetre, true, null);
        }

        if (a.DoseMicrograms is { } micrograms)
        {
            return (micrograms, false, null);
        }

        if (a.Rate is { } rate)
        {
            if (!bag.DurationRecorded)
            {
                return (0, false, DoseUnknownReason.RateWithoutRecordedEnd);
            }

            var days = (decimal)(bag.End - a.Start).Ticks / TimeSpan.TicksPerDay;
            return (rate.MicrogramsPerDay * days, rate.PerSquareMetre, null);
        }

        return (0, false, a.DoseUnreadable ? DoseUnknownReason.DoseNotReadable : DoseUnknownReason.DoseNotRecorded);
    }
}
