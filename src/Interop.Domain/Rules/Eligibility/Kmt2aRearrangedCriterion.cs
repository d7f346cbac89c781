using Interop.Domain.Results;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>KMT2A rearranged (or not evaluable, which the protocol stratifies as MR).</summary>
internal sealed class Kmt2aRearrangedCriterion : ICriterion
{
    public string Id => CriterionIds.Kmt2aRearranged;

    public CriterionResult Evaluate(EvaluationContext context)
    {
        var findings = Kmt2aDetermination.Determine(context.Facts);
        var evidence = findings.Evidence;
        return findings.Status switch
        {
            Kmt2aStatus.Rearranged => new(Id, CriterionStatus.Met, findings.RearrangedText, evidence),
            Kmt2aStatus.NotEvaluable => new(Id, CriterionStatus.Met, "KMT2A not evaluable (stratified MR)", evidence),
            Kmt2aStatus.Germline => new(Id, CriterionStatus.NotMet, "KMT2A germline", evidence),
            Kmt2aStatus.Contradictory => new(Id, CriterionStatus.Unknown, "contradictory KMT2A results", evidence),

            // docs/trial-rules.md: rearranged = met, germline (not rearranged) = not met. A point mutation or a constitutional variant in
            // KMT2A is neither: it says nothing about rearrangement, so the criterion stays open rather than "not met".
            Kmt2aStatus.NotInformative => new(
                Id, CriterionStatus.Unknown, "no KMT2A rearrangement result (only KMT2A variants that neither show nor rule out a rearrangement)", evidence),
            _ => new(Id, CriterionStatus.Unknown, "no KMT2A result", evidence),
        };
    }
}
