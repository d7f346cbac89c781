using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// A Bundle on one line (a transaction or collection an EHR wrote into its export, a Bulk Data list of deleted
/// resources): each entry's resource is read like a line of its own, at <c>file:line entry n</c> (n from 1), with
/// references to other entries' <c>fullUrl</c> (e.g. <c>urn:uuid:</c>) resolved to <c>Type/id</c>. One bad entry sets
/// aside that entry only. A DELETE entry is a <see cref="DeletedResource"/>. Nothing of a Bundle counts as "not relevant".
/// </summary>
internal static class BundleUnpacker
{
    public static void Unpack(ReadOnlyMemory<byte> json, string location, int number, List<ParsedLine> output)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            var (_, id, _) = NdjsonLineProbe.ReadIdentity(json.Span);
            var at = ex.BytePositionInLine is { } position ? string.Create(CultureInfo.InvariantCulture, $" (at byte {position + 1})") : string.Empty;
            output.Add(Failed(location, id, $"malformed JSON{at}: none of the Bundle's entries is read"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("entry", out var entries))
            {
                return;
            }

            if (entries.ValueKind != JsonValueKind.Array)
            {
                output.Add(Failed(location, StringOf(root, "id"), "Bundle.entry is not a list: none of the Bundle's entries is read"));
                return;
            }

            var fullUrls = FullUrls(entries);
            var n = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                n++;
                var at = string.Create(CultureInfo.InvariantCulture, $"{location} entry {n}");
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource))
                {
                    NdjsonLineParser.Parse(JsonMarshal.GetRawUtf8Value(resource).ToArray(), at, number, fullUrls, output);
                }
                else if (Deletion(entry) is { } deletion)
                {
                    output.Add(ParsedLine.Of(SourceItem.Deleted(at, deletion)));
                }
                else
                {
                    var reason = IsDelete(entry)
                        ? "a Bundle entry deletes a record whose type and id cannot be read from request.url"
                        : "a Bundle entry without a resource";
                    output.Add(ParsedLine.Of(NdjsonLineParser.Failed(at, null, null, null, reason)));
                }
            }
        }
    }

    private static ParsedLine Failed(string location, string? id, string reason) =>
        ParsedLine.Of(NdjsonLineParser.Failed(location, "Bundle", id is not null && Id.IsValidValue(id) ? id : null, null, reason));

    /// <summary>fullUrl to <c>Type/id</c> for every entry that has both.</summary>
    private static Dictionary<string, string> FullUrls(JsonElement entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object
                && StringOf(entry, "fullUrl") is { } fullUrl
                && entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
                && StringOf(resource, "resourceType") is { } type && ModelInfo.IsKnownResource(type)
                && StringOf(resource, "id") is { } id && Id.IsValidValue(id))
            {
                map.TryAdd(fullUrl, type + "/" + id);
            }
        }

        return map;
    }

    private static bool IsDelete(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object
        && StringOf(request, "method") == "DELETE";

    /// <summary>A DELETE of <c>Type/id</c> (request.url relative or absolute; a conditional delete has no id and is not one).</summary>
    private static DeletedResource? Deletion(JsonElement entry)
    {
        if (!IsDelete(entry) || StringOf(entry.GetProperty("request"), "url") is not { } url || url.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = url.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && ModelInfo.IsKnownResource(parts[^2]) && Id.IsValidValue(parts[^1])
            ? new DeletedResource(parts[^2], parts[^1])
            : null;
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
