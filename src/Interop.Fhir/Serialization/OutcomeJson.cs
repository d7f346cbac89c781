using System.Text.Json;
using Hl7.Fhir.Model;

namespace Interop.Fhir.Serialization;

/// <summary>
/// The JSON of a patient's outcome resources, serialised once with <see cref="FhirJson.Options"/> when they were checked
/// (the validation cache hashes it), so a file sink writes those bytes instead of serialising again. Keyed by the resource
/// instance. Written by one thread, then read by another after it is handed over (not for concurrent use).
/// </summary>
public sealed class OutcomeJson
{
    private readonly Dictionary<Resource, byte[]> _json = new(ReferenceEqualityComparer.Instance);

    /// <summary>Keeps <paramref name="json"/> as <paramref name="resource"/>'s serialised form.</summary>
    public void Add(Resource resource, byte[] json) => _json[resource] = json;

    /// <summary>The resource's JSON: the bytes kept for it, or (not kept) serialised now.</summary>
    public static byte[] Of(Resource resource, OutcomeJson? kept) =>
        kept is not null && kept._json.TryGetValue(resource, out var json) ? json : JsonSerializer.SerializeToUtf8Bytes(resource, FhirJson.Options);
}
