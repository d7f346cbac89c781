namespace Interop.Fhir.Validation;

/// <summary>The result of validating one resource against its profile.</summary>
/// <param name="ResourceType">The resource type.</param>
/// <param name="ResourceId">The logical id, when it has one.</param>
/// <param name="Profile">The canonical URL validated against: the first <c>meta.profile</c>, or the core type.</param>
/// <param name="Issues">Every issue, errors first in the validator's order.</param>
public sealed record OutcomeValidation(string ResourceType, string? ResourceId, string Profile, IReadOnlyList<ValidationIssue> Issues)
{
    /// <summary>True when no issue is an error or fatal.</summary>
    public bool IsValid => !Issues.Any(i => i.IsError);

    /// <summary>The errors and fatal issues.</summary>
    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.IsError);

    /// <summary>The last segment of <see cref="Profile"/> (<c>blinfant-eligibility</c>, <c>ResearchSubject</c>).</summary>
    public string ProfileName => Profile[(Profile.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Why the resource failed, safe for reports and logs: <c>profile {name}: {issue code} at {path}</c> for the first
    /// error, plus how many more. Built from the issue type and element path only, never from the message text,
    /// which can quote values. Empty when valid.
    /// </summary>
    public string Reason
    {
        get
        {
            var errors = Errors.ToList();
            if (errors.Count == 0)
            {
                return string.Empty;
            }

            var first = errors[0];
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : string.Empty;
            return $"profile {ProfileName}: {first.Code} at {first.Location}{more}";
        }
    }
}
