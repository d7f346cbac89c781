namespace Interop.Ehr.Rest;

/// <summary>The one media type the adapter sends and asks for: FHIR R4 JSON.</summary>
public static class FhirMediaType
{
    /// <summary><c>application/fhir+json</c>, the FHIR JSON mime type (R4 http.html#mime-type).</summary>
    public const string Json = "application/fhir+json";
}
