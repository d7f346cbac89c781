using Interop.Domain.Results;
using static System.FormattableString;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>Age at diagnosis below the limit in days.</summary>
internal sealed class AgeAtDiagnosisCriterion : ICriterion
{
    public string Id => CriterionIds.AgeAtDiagnosis;

    public CriterionResult Evaluate(EvaluationContext context)
    {
        var limit = context.Options.MaxAgeAtDiagnosisDaysExclusive;
        var evidence = Evidence.Of(context.Record.PatientEvidence, context.Diagnosis.Evidence);
        if (context.BirthDate is null)
        {
            return new(Id, CriterionStatus.Unknown, "birth date unknown", evidence);
        }

        if (context.AgeInDays(context.Diagnosis.Date) is not { } age)
        {
            return new(Id, CriterionStatus.Unknown, "diagnosis date unknown", evidence);
        }

        var status = age < limit ? CriterionStatus.Met : CriterionStatus.NotMet;
        return new(Id, status, Invariant($"age at diagnosis {age} days (limit < {limit})"), evidence);
    }
}
