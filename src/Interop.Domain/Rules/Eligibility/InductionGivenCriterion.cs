using Interop.Domain.Facts;
using Interop.Domain.Results;
using static System.FormattableString;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>An Interfant-06 induction drug started within the window around the diagnosis date.</summary>
internal sealed class InductionGivenCriterion : ICriterion
{
    public string Id => CriterionIds.InductionGiven;

    public CriterionResult Evaluate(EvaluationContext context)
    {
        var window = context.Options.InductionStartWindowDays;
        if (context.Diagnosis.Date is null)
        {
            return new(Id, CriterionStatus.Unknown, "diagnosis date unknown", []);
        }

        var given = InductionStart.RanInduction(context).ToList();
        if (given.Count == 0)
        {
            return new(Id, CriterionStatus.Unknown, "no induction administration", []);
        }

        var inWindow = InductionStart.InWindow(context).ToList();
        return inWindow.Count > 0
            ? new(Id, CriterionStatus.Met, Invariant($"induction started within {window} days of diagnosis"),
                Evidence.Of(inWindow.Refs(), context.Diagnosis.Evidence))
            : new(Id, CriterionStatus.NotMet, Invariant($"no induction started within {window} days of diagnosis"),
                Evidence.Of(given.Refs(), context.Diagnosis.Evidence));
    }
}

/// <summary>Induction administrations that ran, and those that started within the window around diagnosis.</summary>
internal static class InductionStart
{
    public static IEnumerable<DrugAdministration> RanInduction(EvaluationContext context) =>
        context.Facts.Administrations.Where(a => a.Drug == DrugClass.InductionDrug && a.Ran);

    public static IEnumerable<DrugAdministration> InWindow(EvaluationContext context)
    {
        if (context.Diagnosis.Date is not { } diagnosis)
        {
            return [];
        }

        var days = context.Options.InductionStartWindowDays;
        var (from, to) = (diagnosis.AddDays(-days), diagnosis.AddDays(days));
        return RanInduction(context).Where(a => a.StartDate >= from && a.StartDate <= to);
    }
}
