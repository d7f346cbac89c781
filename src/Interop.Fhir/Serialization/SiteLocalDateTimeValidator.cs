using System.Text.RegularExpressions;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;

namespace Interop.Fhir.Serialization;

/// <summary>
/// Firely's validation, except that a dateTime with a time but no zone is accepted. R4 requires the
/// zone, but EHR exports often omit it, and the contract takes such a value in the site's configured
/// zone (the mapper does, see FhirDates). The literal is still checked: it is validated as if it
/// carried an offset, so "2024-13-01T10:00:00" or a time without seconds is still rejected.
/// </summary>
internal sealed partial class SiteLocalDateTimeValidator(IPocoValidator inner) : IPocoValidator
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ZonelessDateTime();

    public IReadOnlyCollection<CodedValidationException> ValidateProperty(
        string name, object? propertyValue, PropertyMapping? propertyMapping, PocoValidationContext context) =>
        inner.ValidateProperty(name, propertyValue, propertyMapping, context);

    public IReadOnlyCollection<CodedValidationException> ValidateObject(Base instance, ClassMapping mapping, PocoValidationContext context)
    {
        if (instance is FhirDateTime { Value: { } literal } && ZonelessDateTime().IsMatch(literal))
        {
            return inner.ValidateObject(new FhirDateTime(literal + "+00:00"), mapping, context);
        }

        return inner.ValidateObject(instance, mapping, context);
    }
}
