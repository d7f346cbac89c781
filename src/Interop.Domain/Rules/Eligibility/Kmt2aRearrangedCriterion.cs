using Interop.Domain.Results;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>KMT2A rearranged (or not evaluable, which the protocol stratifies as MR).</summary>
internal sealed class Kmt2aRearrangedCriterion : ICriterion
{
    public string Id => CriterionIds.Kmt2aRearranged;

    public CriterionResult Evaluate(EvaluationContext context)
    {
        var (status, evidence) = Kmt2aDetermination.Determine(context.Facts);
        return status switch
        {
            Kmt2aStatus.Rearranged => new(Id, CriterionStatus.Met, "KMT2A rearranged", evidence),
            Kmt2aStatus.NotEvaluable => new(Id, CriterionStatus.Met, "KMT2A not evaluable (stratified MR)", evidence),
            Kmt2aStatus.Germline => new(Id, CriterionStatus.NotMet, "KMT2A germline", evidence),
            Kmt2aStatus.Contradictory => new(Id, CriterionStatus.Unknown, "contradictory KMT2A results", evidence),
            _ => new(Id, CriterionStatus.Unknown, "no KMT2A result", evidence),
        };
    }
}
