using Interop.Domain.Results;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>Leukemic blasts CD19-positive.</summary>
internal sealed class Cd19PositiveCriterion : ICriterion
{
    public string Id => CriterionIds.Cd19Positive;

    public CriterionResult Evaluate(EvaluationContext context)
    {
        var (status, reason, evidence) = Cd19Determination.Determine(context);
        return new(Id, status, reason, evidence);
    }
}
