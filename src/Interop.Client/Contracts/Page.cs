using System.Text.Json.Serialization;

namespace Interop.Client.Contracts;

/// <summary>One page of a longer list (<c>GET /api/v1/subjects</c>, <c>GET /api/v1/runs</c>).</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T>
{
    /// <summary>The items of this page, in the list's order.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>How many items match in all (every page).</summary>
    [JsonPropertyName("total")]
    public required int Total { get; init; }

    /// <summary>How many matching items come before this page.</summary>
    [JsonPropertyName("skip")]
    public required int Skip { get; init; }

    /// <summary>The page size asked for (1 to 200).</summary>
    [JsonPropertyName("take")]
    public required int Take { get; init; }
}
