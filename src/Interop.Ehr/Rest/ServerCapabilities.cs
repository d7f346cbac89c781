using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace Interop.Ehr.Rest;

/// <summary>
/// What the adapter reads from an EHR's CapabilityStatement: the FHIR version, <c>implementation.url</c> and the server REST
/// section's interactions, search parameters and per-type conditional operations (what the sync's requirements judge). A
/// writing sync reads these straight from the JSON (<see cref="FhirClient.ServerCapabilitiesAsync"/>): parsing the whole
/// statement into Firely's model, when a server states every resource type with all its search parameters (140 kB for the
/// local test server), took about a third of a second of every run (issue 11). <c>check</c> parses the whole statement and
/// takes these from it (<see cref="Of"/>), so both judge the same facts.
/// </summary>
/// <param name="FhirVersion">The <c>fhirVersion</c> code (<c>4.0.1</c>), or null.</param>
/// <param name="ImplementationUrl"><c>implementation.url</c>, or null.</param>
/// <param name="ServerRest">The first <c>rest</c> entry with mode <c>server</c>, or null when there is none.</param>
public sealed record ServerCapabilities(string? FhirVersion, string? ImplementationUrl, ServerRestCapabilities? ServerRest)
{
    /// <summary>The facts of a parsed statement.</summary>
    public static ServerCapabilities Of(CapabilityStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var rest = statement.Rest.FirstOrDefault(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server);
        return new(
            statement.FhirVersion is { } version ? EnumUtility.GetLiteral(version) : null,
            statement.Implementation?.Url,
            rest is null ? null : ServerRestCapabilities.Of(rest));
    }

    /// <summary>The facts of a statement's JSON, read without the rest of it.</summary>
    /// <exception cref="JsonException">Not JSON, not a CapabilityStatement, or an element read here of the wrong JSON type.</exception>
    public static ServerCapabilities Parse(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals("CapabilityStatement"))
        {
            throw new JsonException("The body is not a CapabilityStatement.");
        }

        var implementation = CapabilityJson.Object(root, "implementation");
        var server = CapabilityJson.Objects(root, "rest")
            .FirstOrDefault(r => CapabilityJson.String(r, "mode") is "server");
        return new(
            CapabilityJson.String(root, "fhirVersion"),
            implementation is { } i ? CapabilityJson.String(i, "url") : null,
            server.ValueKind == JsonValueKind.Object ? ServerRestCapabilities.Parse(server) : null);
    }
}

/// <summary>A server REST section: system interactions (<c>transaction</c>...), system-wide search parameters, and each resource type's capabilities (the first entry of a type).</summary>
public sealed record ServerRestCapabilities(
    IReadOnlySet<string> Interactions, IReadOnlySet<string> SearchParams, IReadOnlyDictionary<string, ResourceCapabilities> Resources)
{
    internal static ServerRestCapabilities Of(CapabilityStatement.RestComponent rest)
    {
        var resources = new Dictionary<string, ResourceCapabilities>(StringComparer.Ordinal);
        foreach (var resource in rest.Resource.Where(r => r.Type is not null))
        {
            resources.TryAdd(resource.Type!, ResourceCapabilities.Of(resource));
        }

        return new(
            CapabilityJson.Set(rest.Interaction.Select(i => i.Code is { } code ? EnumUtility.GetLiteral(code) : null)),
            CapabilityJson.Set(rest.SearchParam.Select(p => p.Name)),
            resources);
    }

    internal static ServerRestCapabilities Parse(JsonElement rest)
    {
        var resources = new Dictionary<string, ResourceCapabilities>(StringComparer.Ordinal);
        foreach (var resource in CapabilityJson.Objects(rest, "resource"))
        {
            if (CapabilityJson.String(resource, "type") is { } type)
            {
                resources.TryAdd(type, ResourceCapabilities.Parse(resource));
            }
        }

        return new(CapabilityJson.Codes(rest, "interaction"), CapabilityJson.Names(rest), resources);
    }
}

/// <summary>One resource type's interactions (<c>search-type</c>, <c>update</c>...), search parameter names and conditional operations.</summary>
/// <param name="Interactions">The <c>interaction</c> codes.</param>
/// <param name="SearchParams">The <c>searchParam</c> names.</param>
/// <param name="ConditionalCreate"><c>conditionalCreate</c>, or null.</param>
/// <param name="ConditionalUpdate"><c>conditionalUpdate</c>, or null.</param>
/// <param name="ConditionalDelete">The <c>conditionalDelete</c> code (<c>not-supported</c>, <c>single</c>, <c>multiple</c>), or null.</param>
public sealed record ResourceCapabilities(
    IReadOnlySet<string> Interactions, IReadOnlySet<string> SearchParams, bool? ConditionalCreate, bool? ConditionalUpdate, string? ConditionalDelete)
{
    internal static ResourceCapabilities Of(CapabilityStatement.ResourceComponent resource) => new(
        CapabilityJson.Set(resource.Interaction.Select(i => i.Code is { } code ? EnumUtility.GetLiteral(code) : null)),
        CapabilityJson.Set(resource.SearchParam.Select(p => p.Name)),
        resource.ConditionalCreate,
        resource.ConditionalUpdate,
        resource.ConditionalDelete is { } delete ? EnumUtility.GetLiteral(delete) : null);

    internal static ResourceCapabilities Parse(JsonElement resource) => new(
        CapabilityJson.Codes(resource, "interaction"),
        CapabilityJson.Names(resource),
        CapabilityJson.Boolean(resource, "conditionalCreate"),
        CapabilityJson.Boolean(resource, "conditionalUpdate"),
        CapabilityJson.String(resource, "conditionalDelete"));
}

/// <summary>Reads a CapabilityStatement's elements; an element of the wrong JSON type fails, naming the element only.</summary>
internal static class CapabilityJson
{
    public static HashSet<string> Set(IEnumerable<string?> values) => values.OfType<string>().ToHashSet(StringComparer.Ordinal);

    public static HashSet<string> Codes(JsonElement parent, string array) => Set(Objects(parent, array).Select(o => String(o, "code")));

    public static HashSet<string> Names(JsonElement parent) => Set(Objects(parent, "searchParam").Select(o => String(o, "name")));

    public static string? String(JsonElement parent, string name) =>
        Value(parent, name, JsonValueKind.String) is { } value ? value.GetString() : null;

    public static bool? Boolean(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name),
        };
    }

    public static JsonElement? Object(JsonElement parent, string name) => Value(parent, name, JsonValueKind.Object);

    public static IEnumerable<JsonElement> Objects(JsonElement parent, string name)
    {
        if (Value(parent, name, JsonValueKind.Array) is not { } array)
        {
            return [];
        }

        return array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object ? item : throw WrongType(name));
    }

    private static JsonElement? Value(JsonElement parent, string name, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw WrongType(name);
    }

    private static JsonException WrongType(string name) => new($"The CapabilityStatement's '{name}' is not of its FHIR JSON type.");
}
