using Interop.Domain.Results;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>Every criterion, in protocol order, and the verdict: any not-met is ineligible, all met is eligible.</summary>
internal static class EligibilityRule
{
    private static readonly ICriterion[] Criteria =
    [
        new AgeAtDiagnosisCriterion(),
        new AgeAtBlinatumomabStartCriterion(),
        new NewlyDiagnosedBcpAllCriterion(),
        new Cd19PositiveCriterion(),
        new Kmt2aRearrangedCriterion(),
        new InductionGivenCriterion(),
        new EndOfInductionMarrowCriterion(),
    ];

    public static EligibilityResult Evaluate(EvaluationContext context)
    {
        var byId = Criteria.ToDictionary(c => c.Id);
        var results = CriterionIds.All.Select(id => byId[id].Evaluate(context)).ToList();
        var verdict = results.Exists(r => r.Status == CriterionStatus.NotMet) ? EligibilityVerdict.Ineligible
            : results.TrueForAll(r => r.Status == CriterionStatus.Met) ? EligibilityVerdict.Eligible
            : EligibilityVerdict.Undetermined;
        return new EligibilityResult(verdict, results, context.Options.RuleSetVersion);
    }
}
