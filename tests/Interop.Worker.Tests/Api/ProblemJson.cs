using System.Text.Json;

namespace Interop.Worker.Tests.Api;

/// <summary>Reads a ProblemDetails response as raw JSON, after checking its media type.</summary>
internal static class ProblemJson
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
