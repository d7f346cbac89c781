using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Interop.Ehr.Ndjson;
using Interop.Fhir.Mapping;
using Interop.Fhir.Serialization;

namespace Interop.Ehr.Rest;

/// <summary>
/// One page of a search: its links, and each entry's resource read on its own, strictly (as an NDJSON line is), so that
/// a resource that is not valid FHIR (an unparseable date, say) is set aside with a reason naming its type, id, patient
/// and the element, and the rest of the page is read. The envelope itself (links, search modes) must be valid.
/// </summary>
public sealed class SearchPage
{
    private SearchPage(IReadOnlyList<Bundle.LinkComponent> links, IReadOnlyList<SearchPageEntry> entries, int? total) =>
        (Links, Entries, Total) = (links, entries, total);

    /// <summary>The page's links (<c>next</c> leads on).</summary>
    public IReadOnlyList<Bundle.LinkComponent> Links { get; }

    /// <summary>The entries in order.</summary>
    public IReadOnlyList<SearchPageEntry> Entries { get; }

    /// <summary>The search's <c>Bundle.total</c> (all matches, not this page's), when the server gives it.</summary>
    public int? Total { get; }

    /// <summary>Reads a searchset Bundle's JSON.</summary>
    /// <exception cref="JsonException">Not JSON, not a Bundle, or an envelope that is not valid FHIR.</exception>
    /// <exception cref="DeserializationFailedException">The envelope is not valid FHIR.</exception>
    internal static SearchPage Parse(byte[] json)
    {
        try
        {
            // The usual case, in one pass: every entry is valid.
            var bundle = ReadBundle(json);
            return new SearchPage(bundle.Link, [.. bundle.Entry.Select(e => new SearchPageEntry(e.Search?.Mode, e.Resource, null))], bundle.Total);
        }
        catch (DeserializationFailedException)
        {
            return ParseEntryByEntry(json);
        }
    }

    private static SearchPage ParseEntryByEntry(byte[] json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("The page is not a JSON object.");
        var resources = new List<byte[]?>();
        if (root["entry"] is JsonArray entries)
        {
            foreach (var entry in entries)
            {
                var resource = (entry as JsonObject)?["resource"];
                resources.Add(resource is null ? null : JsonSerializer.SerializeToUtf8Bytes(resource));
                (entry as JsonObject)?.Remove("resource");
            }
        }

        // Without its resources the envelope is read strictly: a page whose links or search modes are broken is unusable.
        var envelope = ReadBundle(JsonSerializer.SerializeToUtf8Bytes(root));
        if (envelope.Entry.Count != resources.Count)
        {
            throw new JsonException("The page's entries could not be matched to its resources.");
        }

        return new SearchPage(envelope.Link, [.. envelope.Entry.Select((entry, i) => Read(entry.Search?.Mode, resources[i]))], envelope.Total);
    }

    private static SearchPageEntry Read(Bundle.SearchEntryMode? mode, byte[]? resourceJson)
    {
        if (resourceJson is null)
        {
            return new SearchPageEntry(mode, null, null);
        }

        // As an NDJSON line is read: strictly, the reason from error codes and element paths only.
        var item = NdjsonLineParser.ParseResource(resourceJson, string.Empty, fullUrls: null);
        return new SearchPageEntry(mode, item.Resource, item.Failure);
    }

    private static Bundle ReadBundle(byte[] json) =>
        JsonSerializer.Deserialize<Resource>(json, FhirJson.Options) as Bundle ?? throw new JsonException("The page is not a Bundle.");
}

/// <summary>One entry of a <see cref="SearchPage"/>: its resource, or why it was set aside (its location is left for the reader to fill), or neither.</summary>
/// <param name="Mode">The entry's search mode (match, include, outcome), when given.</param>
/// <param name="Resource">The resource, when it is valid FHIR.</param>
/// <param name="Failure">Why the resource was set aside, when it is not (type, id and patient when they could be read; the reason names the element).</param>
public sealed record SearchPageEntry(Bundle.SearchEntryMode? Mode, Resource? Resource, QuarantineEntry? Failure);
