using System.Net;
using Interop.Client.Contracts;
using Refit;

namespace Interop.Worker.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiAuthenticationTests(ApiServer server)
{
    [Fact]
    public async Task ListSubjectsAsync_NoCredentials_Is401ProblemDetails()
    {
        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => server.ClientWithoutCredentials().ListSubjectsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("application/problem+json", ex.ContentHeaders?.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListSubjectsAsync_WrongKey_Is401()
    {
        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => server.ClientWithKey("not-a-configured-key").ListSubjectsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
    }

    [Fact]
    public async Task ListSubjectsAsync_ReadKey_Is200()
    {
        var page = await server.ClientWithKey(ApiServer.ReadKey).ListSubjectsAsync();

        Assert.Equal(8, page.Total);
    }

    [Fact]
    public async Task TriggerRunAsync_ReadKey_Is403()
    {
        var before = server.Trigger.Requests.Count;

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => server.ClientWithKey(ApiServer.ReadKey).TriggerRunAsync(new RunTriggerRequest("epic")));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(before, server.Trigger.Requests.Count);
    }

    [Fact]
    public async Task TriggerRunAsync_OperateKey_Is202AndStartsTheTarget()
    {
        var response = await server.ClientWithKey(ApiServer.OperateKey).TriggerRunAsync(new RunTriggerRequest("epic"));

        Assert.Equal(new RunTriggerResponse("epic", "started"), response);
        Assert.Equal("epic", server.Trigger.Requests[^1]);
    }

    [Fact]
    public async Task HealthLive_NoCredentials_IsAnonymousButAnUnmarkedEndpointIsNot()
    {
        using var http = server.Http();

        using var health = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var unmarked = await http.GetAsync(new Uri("/unmarked", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unmarked.StatusCode);
    }

    [Fact]
    public async Task ListSubjectsAsync_TwoKeyHeaders_Is401()
    {
        using var http = server.Http(ApiServer.ReadKey);
        http.DefaultRequestHeaders.Add("X-API-Key", ApiServer.OperateKey);

        using var response = await http.GetAsync(new Uri("/api/v1/subjects", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListSubjectsAsync_JwtWithReadGroup_Is200AndTriggerIs403()
    {
        var client = server.ClientWithToken(TestTokens.Create(["interop-readers"]));

        var page = await client.ListSubjectsAsync(take: 1);
        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => client.TriggerRunAsync(new RunTriggerRequest("epic")));

        Assert.Single(page.Items);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
    }

    [Fact]
    public async Task TriggerRunAsync_JwtWithOperateGroup_Is202()
    {
        var client = server.ClientWithToken(TestTokens.Create(["other-group", "interop-operators"]));

        var response = await client.TriggerRunAsync(new RunTriggerRequest("file"));

        Assert.Equal("file", response.Target);
    }

    [Fact]
    public async Task ListSubjectsAsync_JwtWithoutMappedGroup_Is403()
    {
        // "read" is the default role value, but this server maps the groups claim's "interop-readers" instead.
        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => server.ClientWithToken(TestTokens.Create(["read", "operate"])).ListSubjectsAsync());

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
    }

    [Theory]
    [InlineData("other-key")]
    [InlineData("other-audience")]
    [InlineData("expired")]
    public async Task ListSubjectsAsync_JwtNotValid_Is401(string flaw)
    {
        var token = flaw switch
        {
            "other-key" => TestTokens.Create(["interop-readers"], key: new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]) { KeyId = "test-key" }),
            "other-audience" => TestTokens.Create(["interop-readers"], audience: "another-api"),
            _ => TestTokens.Create(["interop-readers"], expires: DateTime.UtcNow.AddMinutes(-6)),
        };

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => server.ClientWithToken(token).ListSubjectsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
    }
}
