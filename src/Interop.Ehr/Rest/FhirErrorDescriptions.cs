using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Serialization;

namespace Interop.Ehr.Rest;

/// <summary>
/// Describes a body that could not be read, by error codes and byte positions only: Firely's and
/// System.Text.Json's messages quote the offending value, which can be patient data.
/// </summary>
internal static class FhirErrorDescriptions
{
    private const int MaxCodes = 5;

    public static string Describe(Exception error) =>
        error switch
        {
            DeserializationFailedException fhir => "not valid FHIR JSON (" + Codes(fhir) + ")",
            JsonException { BytePositionInLine: { } position, LineNumber: { } line } =>
                string.Create(CultureInfo.InvariantCulture, $"malformed JSON (line {line + 1}, byte {position + 1})"),
            JsonException => "malformed JSON",
            _ => "unreadable body (" + error.GetType().Name + ")",
        };

    private static string Codes(DeserializationFailedException error)
    {
        var codes = error.Exceptions.Select(e => e.ErrorCode).Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", codes.Take(MaxCodes));
        return codes.Count > MaxCodes
            ? string.Create(CultureInfo.InvariantCulture, $"{shown}, and {codes.Count - MaxCodes} more")
            : shown;
    }
}
