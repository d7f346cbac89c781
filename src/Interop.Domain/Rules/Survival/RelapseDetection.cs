using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Domain.Rules.Survival;

/// <summary>One relapse sign; a Condition recording relapse has no site.</summary>
internal sealed record RelapseEvent(DateOnly Date, RelapseSite? Site, IReadOnlyList<EvidenceRef> Evidence);

/// <summary>The first relapse: its date, its site and the records it rests on.</summary>
internal sealed record FirstRelapse(DateOnly Date, RelapseSite? Site, IReadOnlyList<EvidenceRef> Evidence);

/// <summary>
/// Relapse after complete remission (the first M1 marrow after diagnosis): an M3 marrow, CNS3
/// (CSF blasts with enough CSF white cells the same day), or a Condition recording relapse.
/// </summary>
internal static class RelapseDetection
{
    public static FirstRelapse? Find(EvaluationContext context, DateOnly origin)
    {
        var events = Events(context).Where(e => e.Date >= origin).OrderBy(e => e.Date).ToList();
        if (events.Count == 0)
        {
            return null;
        }

        var first = events[0].Date;
        var together = events.Where(e => e.Date <= first.AddDays(context.Options.CombinedRelapseWindowDays)).ToList();
        var marrow = together.Exists(e => e.Site == RelapseSite.BoneMarrow);
        var cns = together.Exists(e => e.Site == RelapseSite.Cns);
        RelapseSite? site = (marrow, cns) switch
        {
            (true, true) => RelapseSite.Combined,
            (true, false) => RelapseSite.BoneMarrow,
            (false, true) => RelapseSite.Cns,
            _ => null,
        };
        return new FirstRelapse(first, site, Evidence.Of([.. together.Select(e => e.Evidence)]));
    }

    private static IEnumerable<RelapseEvent> Events(EvaluationContext context)
    {
        var options = context.Options;
        var facts = context.Facts;
        foreach (var condition in facts.Diagnoses.Where(d => d.IsRelapse && d.Date is not null))
        {
            yield return new RelapseEvent(condition.Date!.Value, null, [condition.Evidence]);
        }

        var marrow = facts.Counted(LabKind.MarrowBlastsPercent).Where(r => r.Amount is not null).ToList();
        var remission = FactSelection.First(marrow.Where(r =>
            (context.Diagnosis.Date is not { } d || r.Date > d) && Threshold.IsBelow(r, options.M2MinBlastPercent) == true));
        if (remission is null)
        {
            yield break;
        }

        foreach (var m3 in marrow.Where(r => r.Date > remission.Date && Threshold.IsBelow(r, options.M3MinBlastPercent) == false))
        {
            yield return new RelapseEvent(m3.Date, RelapseSite.BoneMarrow, [remission.Evidence, m3.Evidence]);
        }

        var csfWhiteCells = facts.Counted(LabKind.CsfWhiteCells)
            .Where(r => Threshold.IsBelow(r, options.CnsRelapseMinCsfWhiteCells) == false)
            .ToList();
        foreach (var blasts in facts.Counted(LabKind.CsfBlasts).Where(r => r.Date > remission.Date && Threshold.IsAboveZero(r) == true))
        {
            var cells = csfWhiteCells.Where(r => r.Date == blasts.Date).ToList();
            if (cells.Count > 0)
            {
                yield return new RelapseEvent(blasts.Date, RelapseSite.Cns, [remission.Evidence, blasts.Evidence, .. cells.Refs()]);
            }
        }
    }
}
