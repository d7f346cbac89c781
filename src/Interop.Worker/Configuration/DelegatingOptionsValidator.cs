using Interop.Domain.Rules;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Configuration;

/// <summary>Runs an options class's own <c>Validate()</c> on start, so bad settings stop the host with their names.</summary>
internal sealed class InteropOptionsValidator : IValidateOptions<InteropOptions>
{
    public ValidateOptionsResult Validate(string? name, InteropOptions options) => ToResult(options.Validate());

    internal static ValidateOptionsResult ToResult(IReadOnlyList<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}

/// <summary>Validates the trial rule thresholds on start.</summary>
internal sealed class TrialRuleOptionsValidator : IValidateOptions<TrialRuleOptions>
{
    public ValidateOptionsResult Validate(string? name, TrialRuleOptions options) =>
        InteropOptionsValidator.ToResult(options.Validate());
}

/// <summary>Validates the reading options on start.</summary>
internal sealed class ReadingOptionsValidator : IValidateOptions<Interop.Fhir.Mapping.ReadingOptions>
{
    public ValidateOptionsResult Validate(string? name, Interop.Fhir.Mapping.ReadingOptions options) =>
        InteropOptionsValidator.ToResult(options.Validate());
}

/// <summary>Validates the run lease settings on start.</summary>
internal sealed class RunLeaseOptionsValidator : IValidateOptions<Sync.Lease.RunLeaseOptions>
{
    public ValidateOptionsResult Validate(string? name, Sync.Lease.RunLeaseOptions options) =>
        InteropOptionsValidator.ToResult(options.Validate());
}
