using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using Interop.Fhir.Serialization;
using Refit;

namespace Interop.Ehr.Rest;

/// <summary>
/// Refit's body serializer for FHIR: Firely's System.Text.Json options (<see cref="FhirJson.Options"/>,
/// strict) and <c>application/fhir+json</c>. Bodies are buffered so that a retry can send them again. Search pages are
/// <see cref="SearchPage"/>s: a resource in one that is not valid FHIR is set aside, not the whole page.
/// </summary>
internal sealed class FhirJsonContentSerializer : IHttpContentSerializer
{
    public HttpContent ToHttpContent<T>(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(item, item.GetType(), FhirJson.Options);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(FhirMediaType.Json) { CharSet = "utf-8" };
        return content;
    }

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (typeof(T) == typeof(SearchPage))
        {
            // A search page is read entry by entry when it must be, so one bad resource does not cost the page.
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
            return bytes.Length == 0 ? default : (T)(object)SearchPage.Parse(bytes);
        }

        if (typeof(T) == typeof(ServerCapabilities))
        {
            // What a sync judges of a CapabilityStatement, without parsing all of it into Firely's model (issue 11).
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
            return bytes.Length == 0 ? default : (T)(object)ServerCapabilities.Parse(bytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, FhirJson.Options, cancellationToken);
        }
    }

    // Only form bodies use field names; FHIR bodies are never form-encoded.
    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;
}
