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
    public async Task OpenApiDocument_ReadKey_ListsTheSecuritySchemesAndEachOperationsRequirement()
    {
        using var http = server.Http(ApiServer.ReadKey);

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var schemes = json.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("apiKey", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("header", schemes.GetProperty("ApiKey").GetProperty("in").GetString());
        Assert.Equal("X-API-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.False(schemes.TryGetProperty("CdsClientJwt", out _));
        foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var security = operation.Value.GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Single().Name);
                Assert.Equal(["ApiKey", "Bearer"], security);
                var responses = operation.Value.GetProperty("responses");
                Assert.True(responses.TryGetProperty("401", out _), $"{operation.Name} {path.Name} lists 401");
                Assert.True(responses.TryGetProperty("403", out _), $"{operation.Name} {path.Name} lists 403");
            }
        }
    }

    [Theory]
    [InlineData("/api/v1/subjects/{patientId}", "get", "404")]
    [InlineData("/api/v1/subjects/{patientId}", "get", "409")]
    [InlineData("/api/v1/runs/{runId}", "get", "404")]
    [InlineData("/api/v1/runs", "post", "404")]
    [InlineData("/api/v1/runs", "post", "409")]
    [InlineData("/api/v1/trial/summary", "get", "404")]
    public async Task OpenApiDocument_ReadKey_ListsTheProblemAnswers(string path, string method, string status)
    {
        using var http = server.Http(ApiServer.ReadKey);

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var response = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);
        Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task OpenApiDocument_NoCredentials_Is401()
    {
        using var http = server.Http();

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
