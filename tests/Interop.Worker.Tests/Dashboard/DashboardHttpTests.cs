using System.Net;
using Interop.Worker.Api;
using Interop.Worker.Dashboard;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>The dashboard's guards seen by a plain HTTP client (no browser needed): redirects, antiforgery, and the API kept apart.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardHttpTests(DashboardServer server)
{
    [Fact]
    public async Task Get_NoSession_RedirectsToSignInWithHeaders()
    {
        using var http = server.Http();

        using var answer = await http.GetAsync(new Uri("/subjects", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/sign-in", answer.Headers.Location!.AbsolutePath);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(answer.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Get_ApiKeyHeaderWithoutSession_DoesNotOpenTheDashboard()
    {
        using var http = server.Http();
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, DashboardServer.ReadKey);

        using var answer = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    [Fact]
    public async Task PostSignIn_WithoutAntiforgeryToken_IsRefused()
    {
        using var http = server.Http();
        using var form = new FormUrlEncodedContent([new("key", DashboardServer.ReadKey)]);

        using var answer = await http.PostAsync(new Uri("/sign-in", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Set-Cookie") && answer.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(DashboardCookie.Name, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_ThenApiWithTheCookie_ApiStillNeedsAKey()
    {
        using var http = server.Http();
        var cookie = await SignInAsync(http);
        using var api = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/subjects", UriKind.Relative));
        api.Headers.Add("Cookie", cookie);
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        page.Headers.Add("Cookie", cookie);

        using var apiAnswer = await http.SendAsync(api);
        using var pageAnswer = await http.SendAsync(page);

        Assert.Equal(HttpStatusCode.Unauthorized, apiAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageAnswer.StatusCode);
    }

    [Fact]
    public async Task SignIn_Session_KeysPersistedBesideTheStateDatabase()
    {
        using var http = server.Http();

        await SignInAsync(http);

        // Keys on disk, not in memory: the cookie survives a restart of serve.
        Assert.NotEmpty(Directory.GetFiles(server.KeysFolder, "key-*.xml"));
    }

    /// <summary>Signs in as a browser does (token from the form, antiforgery cookie sent back); the session cookie.</summary>
    private static async Task<string> SignInAsync(HttpClient http)
    {
        using var form = await http.GetAsync(new Uri("/sign-in", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Interop-Antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/sign-in", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("key", DashboardServer.ReadKey)]),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var answer = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DashboardCookie.Name + "=", StringComparison.Ordinal)).Split(';')[0];
    }
}
