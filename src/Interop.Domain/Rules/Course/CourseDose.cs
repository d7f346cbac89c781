using Interop.Domain.Facts;

namespace Interop.Domain.Rules.Course;

/// <summary>
/// Cumulative dose per m2: each administration's dose per m2 as given, or its mass over the body
/// surface area measured last on or before its start (else the first after). Null when any is missing.
/// </summary>
internal static class CourseDose
{
    public static (decimal? PerSquareMetre, IReadOnlyList<EvidenceRef> BsaEvidence) Cumulative(
        IEnumerable<DrugAdministration> ran, FactSelection facts)
    {
        var bsa = facts.Counted(LabKind.BodySurfaceArea)
            .Where(r => r.Amount is > 0 && r.Comparator == Comparator.None)
            .ToList();
        var used = new List<EvidenceRef>();
        decimal total = 0;
        var complete = true;
        foreach (var administration in ran)
        {
            if (administration.DoseMicrogramsPerSquareMetre is { } perSquareMetre)
            {
                total += perSquareMetre;
                continue;
            }

            var area = FactSelection.Last(bsa.Where(r => r.Date <= administration.StartDate))
                ?? FactSelection.First(bsa.Where(r => r.Date > administration.StartDate));
            if (area is not null)
            {
                used.Add(area.Evidence);
            }

            if (administration.DoseMicrograms is { } micrograms && area is not null)
            {
                total += micrograms / area.Amount!.Value;
            }
            else
            {
                complete = false;
            }
        }

        return (complete ? Math.Round(total, 2, MidpointRounding.AwayFromZero) : null, Evidence.Of(used));
    }
}
