using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace Interop.Fhir.Validation;

/// <summary>
/// Validates a resource against its <c>meta.profile</c> (or its core type when it has none) with Firely's
/// validator, offline: FHIR R4 core from Hl7.Fhir.Specification.Data.R4, and the project's profiles, code
/// systems and value sets embedded from <c>profiles/</c>. Codes are checked against our own code systems and
/// value sets by a local terminology service; nothing is fetched (no terminology server, no reference
/// resolution), so no HTTP request is ever made.
/// </summary>
/// <remarks>
/// Use one instance per thread, e.g. from <see cref="OutcomeValidatorPool"/>. Instances are cheap: the definitions,
/// terminology and compiled schemas behind them are loaded once per process and shared, thread-safely
/// (<see cref="ValidationServices"/>). The first validation against each profile in the process compiles it
/// (seconds); <see cref="WarmUp"/> does that up front, and is nearly free once any validator has warmed.
/// </remarks>
public sealed class OutcomeValidator
{
    private const string FirelyIssueSystem = "http://hl7.org/fhir/dotnet-api-operation-outcome";

    private readonly Validator _validator;
    private readonly IReadOnlyList<(string Url, string Type)> _profiles;

    /// <summary>A validator over the embedded conformance resources.</summary>
    public OutcomeValidator()
        : this(ValidationServices.Default)
    {
    }

    internal OutcomeValidator(ValidationServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _profiles = services.Profiles;
        _validator = services.CreateValidator();
    }

    /// <summary>Validates against the first <c>meta.profile</c> (Firely adds any further ones), or the core type.</summary>
    public OutcomeValidation Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);

        var profile = resource.Meta?.Profile?.FirstOrDefault() ?? ConformanceResources.CoreStructureDefinitionBase + resource.TypeName;
        var outcome = _validator.Validate(resource, profile);
        var issues = outcome.Issue
            .Select(ToIssue)
            .OrderBy(i => i.IsError ? 0 : 1)
            .ToList();
        return new OutcomeValidation(resource.TypeName, resource.Id, profile, issues);
    }

    /// <summary>Compiles every project profile and the core ResearchSubject by validating an empty instance of each.</summary>
    public void WarmUp()
    {
        foreach (var (url, type) in _profiles)
        {
            if (ModelInfo.GetTypeForFhirType(type) is { } clrType && Activator.CreateInstance(clrType) is Resource empty)
            {
                empty.Meta = new Meta { Profile = [url] };
                _ = Validate(empty);
            }
        }

        _ = Validate(new ResearchSubject());
    }

    private static ValidationIssue ToIssue(OperationOutcome.IssueComponent issue)
    {
        var number = issue.Details?.Coding.FirstOrDefault(c => c.System == FirelyIssueSystem)?.Code
            ?? issue.Details?.Coding.FirstOrDefault()?.Code;
        return new ValidationIssue(
            issue.Severity ?? OperationOutcome.IssueSeverity.Error,
            issue.Code?.GetLiteral() ?? "unknown",
            number,
            issue.Expression.FirstOrDefault() ?? issue.Location.FirstOrDefault() ?? "(resource)",
            issue.Details?.Text ?? issue.Diagnostics ?? string.Empty);
    }
}
