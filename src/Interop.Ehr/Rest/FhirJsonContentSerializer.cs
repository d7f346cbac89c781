using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using Interop.Fhir.Serialization;
using Refit;

namespace Interop.Ehr.Rest;

/// <summary>
/// Refit's body serializer for FHIR: Firely's System.Text.Json options (<see cref="FhirJson.Options"/>,
/// strict) and <c>application/fhir+json</c>. Bodies are buffered so that a retry can send them again.
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
        var stream = await content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, FhirJson.Options, cancellationToken);
        }
    }

    // Only form bodies use field names; FHIR bodies are never form-encoded.
    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;
}
