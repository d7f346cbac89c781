using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;

namespace Interop.Fhir.Serialization;

/// <summary>The one set of System.Text.Json options every FHIR read and write in the adapter uses.</summary>
public static class FhirJson
{
    /// <summary>
    /// Firely's R4 options: compact (no indentation), strict deserialization except for dateTimes without a zone (<see cref="SiteLocalDateTimeValidator"/>). Shared and read-only:
    /// building options is expensive and System.Text.Json caches per instance, so never create another.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var settings = new FhirJsonConverterOptions { Validator = new SiteLocalDateTimeValidator(FhirAttributeValidator.Default) };
        var options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector, settings);
        options.WriteIndented = false;

        // Read-only, so no caller can change the behaviour of every other reader and writer.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
