using Interop.Domain.Facts;
using Interop.Domain.Results;
using Interop.Domain.Rules;

namespace Interop.Domain.Tests;

/// <summary>Runs the evaluator with default (or adjusted) options.</summary>
internal static class Evaluation
{
    /// <summary>Well after a full course from <see cref="PatientRecordBuilder.BlinaStart"/>.</summary>
    public static readonly AsOf DefaultAsOf = PatientRecordBuilder.AsOfEndOf(PatientRecordBuilder.DiagnosedOn.AddDays(200));

    public static TrialAssessment Run(PatientRecordBuilder builder, AsOf? asOf = null, Action<TrialRuleOptions>? configure = null)
    {
        var options = new TrialRuleOptions();
        configure?.Invoke(options);
        return new TrialEvaluator(options).Evaluate(builder.Build(), asOf ?? DefaultAsOf);
    }

    public static CriterionResult Criterion(this TrialAssessment assessment, string id) =>
        assessment.Eligibility.Criteria.Single(c => c.CriterionId == id);

    public static CriterionStatus Status(this TrialAssessment assessment, string id) => assessment.Criterion(id).Status;

    public static decimal Dec(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
