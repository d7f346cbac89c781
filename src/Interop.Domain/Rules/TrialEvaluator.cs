using Interop.Domain.Facts;
using Interop.Domain.Results;
using Interop.Domain.Rules.Course;
using Interop.Domain.Rules.Eligibility;
using Interop.Domain.Rules.Survival;

namespace Interop.Domain.Rules;

/// <summary>Runs every trial rule over one patient's facts, as of one instant. Pure: no clock, no I/O.</summary>
public sealed class TrialEvaluator(TrialRuleOptions options)
{
    /// <summary>The options the evaluator runs under.</summary>
    public TrialRuleOptions Options { get; } = options;

    /// <summary>Evaluates one patient. Facts dated after <paramref name="asOf"/> are ignored.</summary>
    public TrialAssessment Evaluate(PatientRecord record, AsOf asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(asOf);
        var context = new EvaluationContext(Options, record, asOf);
        var course = CourseRule.Evaluate(context);
        var (dfs, os) = SurvivalRule.Evaluate(context, course);
        return new TrialAssessment(
            record.PatientId,
            asOf,
            context.Diagnosis.Date,
            EligibilityRule.Evaluate(context),
            RiskGroupRule.Evaluate(context),
            course.Result,
            MrdRule.Evaluate(context, course),
            PrimaryEndpointRule.Evaluate(context, course),
            dfs,
            os)
        {
            DataQuality = [.. context.Flags],
        };
    }
}
