using Interop.Domain.Facts;
using Interop.Domain.Results;
using static System.FormattableString;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>M1 or M2 marrow at the end of induction: the last marrow in the window, before blinatumomab.</summary>
internal sealed class EndOfInductionMarrowCriterion : ICriterion
{
    public string Id => CriterionIds.EndOfInductionMarrow;

    public CriterionResult Evaluate(EvaluationContext context)
    {
        var options = context.Options;
        if (context.Diagnosis.Date is not { } diagnosis)
        {
            return new(Id, CriterionStatus.Unknown, "diagnosis date unknown", []);
        }

        var from = diagnosis.AddDays(options.EndOfInductionWindowStartDay);
        var to = diagnosis.AddDays(options.EndOfInductionWindowEndDay);
        var blinatumomab = context.Facts.FirstBlinatumomab?.StartDate;
        var inWindow = context.Facts.Counted(LabKind.MarrowBlastsPercent)
            .Where(r => r.Amount is not null && r.Date >= from && r.Date <= to && (blinatumomab is null || r.Date < blinatumomab));
        if (FactSelection.Last(inWindow) is not { } last)
        {
            return new(Id, CriterionStatus.Unknown, "no end-of-induction marrow", []);
        }

        var evidence = Evidence.Of([last.Evidence], context.Diagnosis.Evidence);
        var limit = options.M3MinBlastPercent;
        var reason = Invariant($"end-of-induction marrow blasts {Threshold.Describe(last)} % (limit < {limit} %)");
        return Threshold.IsBelow(last, limit) switch
        {
            true => new(Id, CriterionStatus.Met, reason, evidence),
            false => new(Id, CriterionStatus.NotMet, reason, evidence),
            null => new(Id, CriterionStatus.Unknown, reason, evidence),
        };
    }
}
