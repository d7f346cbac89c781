using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Domain.Rules;

/// <summary>Runs every trial rule over one patient's facts, as of one instant. Pure: no clock, no I/O.</summary>
public sealed class TrialEvaluator(TrialRuleOptions options)
{
    /// <summary>The options the evaluator runs under.</summary>
    public TrialRuleOptions Options { get; } = options;

    /// <summary>Evaluates one patient. Facts dated after <paramref name="asOf"/> are ignored.</summary>
    public TrialAssessment Evaluate(PatientRecord record, AsOf asOf)
    {
        throw new NotImplementedException("being written");
    }
}
