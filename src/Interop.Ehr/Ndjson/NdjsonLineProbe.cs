using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// Salvages resourceType, id and the patient a rejected line belongs to, for its quarantine entry
/// (failure path only), so that the patient's outcomes are withheld rather than built without it.
/// </summary>
internal static class NdjsonLineProbe
{
    private const string PatientPrefix = "Patient/";

    public static (string? ResourceType, string? Id, string? PatientId) ReadIdentity(string line)
    {
        string? type = null;
        string? id = null;
        string? subject = null;
        string? owner = null;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line), new JsonReaderOptions { AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1)
                {
                    owner = reader.ValueTextEquals("subject"u8) || reader.ValueTextEquals("patient"u8) ? "subject" : null;
                    var isType = reader.ValueTextEquals("resourceType"u8);
                    var isId = !isType && reader.ValueTextEquals("id"u8);
                    if ((isType || isId) && reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        var value = reader.GetString();
                        if (isType && value is not null && ModelInfo.IsKnownResource(value))
                        {
                            type = value;
                        }
                        else if (isId && value is not null && Id.IsValidValue(value))
                        {
                            id = value;
                        }
                    }
                }
                else if (reader.CurrentDepth == 2 && owner is not null && reader.ValueTextEquals("reference"u8)
                    && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    subject ??= PatientIdOf(reader.GetString());
                }
            }
        }
        catch (JsonException)
        {
            // The line breaks off here; keep what was read before the break.
        }

        return (type, id, type == "Patient" ? id : subject);
    }

    private static string? PatientIdOf(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var at = reference.LastIndexOf(PatientPrefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var candidate = reference[(at + PatientPrefix.Length)..];
        var history = candidate.IndexOf('/', StringComparison.Ordinal);
        candidate = history >= 0 ? candidate[..history] : candidate;
        return Id.IsValidValue(candidate) ? candidate : null;
    }
}
