using Interop.Domain.Results;
using static System.FormattableString;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>
/// Age above the limit at the first blinatumomab start; before it starts, age only grows, so an
/// age already above the limit on the as-of date is enough.
/// </summary>
internal sealed class AgeAtBlinatumomabStartCriterion : ICriterion
{
    public string Id => CriterionIds.AgeAtBlinatumomabStart;

    public CriterionResult Evaluate(EvaluationContext context)
    {
        var limit = context.Options.MinAgeAtBlinatumomabStartDaysExclusive;
        var first = context.Facts.FirstBlinatumomab;
        var evidence = Evidence.Of(context.Record.PatientEvidence, Evidence.One(first?.Evidence));
        if (context.BirthDate is null)
        {
            return new(Id, CriterionStatus.Unknown, "birth date unknown", evidence);
        }

        if (first is not null)
        {
            var age = context.AgeInDays(first.StartDate)!.Value;
            var status = age > limit ? CriterionStatus.Met : CriterionStatus.NotMet;
            return new(Id, status, Invariant($"age at blinatumomab start {age} days (limit > {limit})"), evidence);
        }

        var ageNow = context.AgeInDays(context.AsOf.Date)!.Value;
        return ageNow > limit
            ? new(Id, CriterionStatus.Met, Invariant($"blinatumomab not started; age already {ageNow} days (limit > {limit})"), evidence)
            : new(Id, CriterionStatus.Unknown, Invariant($"blinatumomab not started; age {ageNow} days (limit > {limit})"), evidence);
    }
}
