using System.Net;
using System.Text.Json;

namespace Interop.Worker.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiServer server)
{
    [Fact]
    public async Task OpenApiDocument_ReadKey_ListsEveryEndpoint()
    {
        using var http = server.Http(ApiServer.ReadKey);

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = json.RootElement.GetProperty("paths");
        Assert.Equal(
            ["/api/v1/outcome-conflicts", "/api/v1/runs", "/api/v1/runs/{runId}", "/api/v1/subjects", "/api/v1/subjects/{patientId}", "/api/v1/trial/summary"],
            paths.EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/cds-services", StringComparison.Ordinal));
        Assert.True(paths.GetProperty("/api/v1/runs").TryGetProperty("post", out _));
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_NoCredentials_Is401()
    {
        using var http = server.Http();

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
