using System.Text.Json;
using Hl7.Fhir.Model;

namespace Interop.Ehr.Ndjson;

/// <summary>The shape of a line before it is parsed as FHIR.</summary>
internal enum LineShape
{
    /// <summary>Not a JSON object at all (an array, a string, text).</summary>
    NotObject,

    /// <summary>Starts like an object but is not well-formed JSON before a resourceType was seen.</summary>
    Malformed,

    /// <summary>A well-formed JSON object without a top-level resourceType: not a FHIR resource (a log record, a manifest).</summary>
    NoResourceType,

    /// <summary>An object with a top-level resourceType (its value, when a string, is given).</summary>
    Typed,
}

/// <summary>
/// Looks at a line without parsing it as FHIR: its shape and resourceType (to route Bundles, OperationOutcomes and
/// non-resource lines), and, for a rejected line, its resourceType, id and the patient it belongs to, so that the
/// patient's outcomes are withheld rather than built without it.
/// </summary>
internal static class NdjsonLineProbe
{
    private const string PatientPrefix = "Patient/";

    /// <summary>The line's shape; <paramref name="resourceType"/> is set for <see cref="LineShape.Typed"/> when it is a string.</summary>
    public static LineShape Classify(ReadOnlySpan<byte> json, out string? resourceType)
    {
        resourceType = null;
        var trimmed = json.TrimStart(" \t\r"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return LineShape.NotObject;
        }

        var reader = new Utf8JsonReader(trimmed);
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // The usual place of resourceType is first, so a resource is rarely scanned past its first property.
                if (reader.ValueTextEquals("resourceType"u8))
                {
                    reader.Read();
                    resourceType = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return LineShape.Typed;
                }

                reader.Read();
                reader.Skip();
            }

            // The end of the object; nothing may follow it.
            return reader.Read() ? LineShape.Malformed : LineShape.NoResourceType;
        }
        catch (JsonException)
        {
            return LineShape.Malformed;
        }
    }

    /// <summary>resourceType, id and patient of a rejected line; <paramref name="fullUrls"/> resolves references inside a Bundle.</summary>
    public static (string? ResourceType, string? Id, string? PatientId) ReadIdentity(
        ReadOnlySpan<byte> line, IReadOnlyDictionary<string, string>? fullUrls = null)
    {
        string? type = null;
        string? id = null;
        string? subject = null;
        string? owner = null;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowTrailingCommas = true });
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
                    var reference = reader.GetString();
                    if (reference is not null && fullUrls is not null && fullUrls.TryGetValue(reference, out var resolved))
                    {
                        reference = resolved;
                    }

                    subject ??= PatientIdOf(reference);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The line breaks off here (or a string is not valid UTF-8); keep what was read before the break.
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
