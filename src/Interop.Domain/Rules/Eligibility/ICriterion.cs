using Interop.Domain.Results;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>One eligibility criterion of docs/trial-rules.md.</summary>
internal interface ICriterion
{
    string Id { get; }

    CriterionResult Evaluate(EvaluationContext context);
}
