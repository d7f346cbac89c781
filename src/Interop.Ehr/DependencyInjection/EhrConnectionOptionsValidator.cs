using Microsoft.Extensions.Options;

namespace Interop.Ehr.DependencyInjection;

/// <summary>Validates the named options of one EHR on start (<c>ValidateOnStart</c>).</summary>
internal sealed class EhrConnectionOptionsValidator(string name) : IValidateOptions<EhrConnectionOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, EhrConnectionOptions options)
    {
        if (!string.Equals(optionsName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = options.Validate(name);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
