using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Interop.Ehr.Ndjson;

/// <summary>Salvages resourceType and id from a line that is not valid JSON, for the quarantine entry (failure path only).</summary>
internal static class NdjsonLineProbe
{
    public static (string? ResourceType, string? Id) ReadTypeAndId(string line)
    {
        string? type = null;
        string? id = null;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line), new JsonReaderOptions { AllowTrailingCommas = true });
        try
        {
            while ((type is null || id is null) && reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

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
        }
        catch (JsonException)
        {
            // The line breaks off here; keep what was read before the break.
        }

        return (type, id);
    }
}
