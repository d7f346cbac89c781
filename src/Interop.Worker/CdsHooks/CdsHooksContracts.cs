using System.Text.Json.Serialization;

namespace Interop.Worker.CdsHooks;

/// <summary>The discovery response (<c>GET /cds-services</c>, CDS Hooks 2.0).</summary>
internal sealed record CdsDiscovery([property: JsonPropertyName("services")] IReadOnlyList<CdsServiceDescriptor> Services);

/// <summary>One CDS service: the hook it answers, its id, and what it wants prefetched.</summary>
internal sealed record CdsServiceDescriptor(
    [property: JsonPropertyName("hook")] string Hook,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("prefetch")] IReadOnlyDictionary<string, string> Prefetch);

/// <summary>A service's answer: the cards (an empty array when there is nothing relevant).</summary>
internal sealed record CdsResponse([property: JsonPropertyName("cards")] IReadOnlyList<CdsCard> Cards);

/// <summary>A card: <c>summary</c> under 140 characters, <c>indicator</c> info, warning or critical, <c>detail</c> in markdown.</summary>
internal sealed record CdsCard(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("source")] CdsSource Source);

/// <summary>Where the card's information comes from.</summary>
internal sealed record CdsSource([property: JsonPropertyName("label")] string Label);

/// <summary>The CDS Hooks indicator codes this service uses.</summary>
internal static class CdsIndicator
{
    public const string Info = "info";
    public const string Warning = "warning";
}
