using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Interop.Worker.Dashboard;
using Interop.Worker.Tests.Api;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>
/// Signing in to the dashboard through the identity provider, driven as a browser would with plain HTTP: the sign-in
/// form posts, the service sends the browser to the provider (PKCE, state, nonce), the provider sends it back with a
/// code, the service redeems it and opens its own cookie session.
/// </summary>
[Collection(OidcDashboardCollection.Name)]
public sealed partial class DashboardOidcTests(OidcDashboardServer server)
{
    [Fact]
    public async Task ProviderSignIn_ReadRole_OpensTheCohortPage()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();

        var toProvider = await StartAsync(http, browser);
        var authorize = QueryHelpers.ParseQuery(toProvider.Query);
        var back = await ProviderAnswersAsync(toProvider);
        using var callback = await GetAsync(http, browser, back);
        var landing = callback.Headers.Location!;
        using var landed = await GetAsync(http, browser, landing);
        using var cohort = await GetAsync(http, browser, new Uri("/", UriKind.Relative));

        Assert.Equal(new Uri(server.Provider.Authority + "/authorize").GetLeftPart(UriPartial.Path), toProvider.GetLeftPart(UriPartial.Path));
        Assert.Equal("code", authorize["response_type"]);
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.Equal(43, authorize["code_challenge"].ToString().Length);
        Assert.False(string.IsNullOrEmpty(authorize["state"]));
        Assert.False(string.IsNullOrEmpty(authorize["nonce"]));
        Assert.Equal(FakeIdentityProvider.ClientId, authorize["client_id"]);
        Assert.Equal(new Uri(server.BaseAddress, "/signin-oidc").ToString(), authorize["redirect_uri"]);
        Assert.Equal(["openid", "groups"], authorize["scope"].ToString().Split(' '));
        Assert.Empty(server.Provider.RefusedTokenRequests);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/signed-in?returnUrl=%2F", landing.OriginalString);
        Assert.NotNull(browser[DashboardCookie.Name]);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0;url=/\">", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, cohort.StatusCode);
        var page = await cohort.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Cohort</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"Signed in as <strong>{FakeIdentityProvider.Subject}</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderSignIn_SessionCookie_HoldsRolesAndSubjectOnlyNoToken()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();

        using var callback = await GetAsync(http, browser, await ProviderAnswersAsync(await StartAsync(http, browser)));

        var cookie = browser[DashboardCookie.Name]!;
        var ticket = server.Unprotect(cookie)!;
        Assert.Equal(
            [(ClaimTypes.Name, FakeIdentityProvider.Subject), (DashboardSession.SignedInWithClaim, DashboardSession.IdentityProvider), (ClaimTypes.Role, "read")],
            ticket.Principal.Claims.Select(c => (c.Type, c.Value)));
        Assert.DoesNotContain(ticket.Properties.Items.Keys, k => k.StartsWith(".Token", StringComparison.Ordinal) || k.Contains("verifier", StringComparison.OrdinalIgnoreCase));
        var idToken = server.Provider.IssuedIdTokens.Last();
        Assert.DoesNotContain(idToken, cookie, StringComparison.Ordinal);
        Assert.True(cookie.Length < idToken.Length * 2, $"the cookie ({cookie.Length} characters) is as large as a token would make it");
    }

    [Fact]
    public async Task ProviderSignIn_OperateRole_GrantsOperate()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();
        server.Provider.NextGroups = ["interop-operators", "interop-readers", "unrelated"];
        try
        {
            using var callback = await GetAsync(http, browser, await ProviderAnswersAsync(await StartAsync(http, browser)));

            var roles = server.Unprotect(browser[DashboardCookie.Name]!)!.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value);
            Assert.Equal(["operate", "read"], roles);
        }
        finally
        {
            server.Provider.NextGroups = ["interop-readers"];
        }
    }

    [Fact]
    public async Task ProviderSignIn_NoReadRole_IsRefusedWithoutSession()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();
        server.Provider.NextGroups = ["some-other-group"];
        try
        {
            using var callback = await GetAsync(http, browser, await ProviderAnswersAsync(await StartAsync(http, browser)));
            using var refused = await GetAsync(http, browser, callback.Headers.Location!);
            using var cohort = await GetAsync(http, browser, new Uri("/", UriKind.Relative));

            Assert.Equal("/sign-in?refused=role", callback.Headers.Location!.OriginalString);
            Assert.Null(browser[DashboardCookie.Name]);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("has no role that opens the dashboard", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, cohort.StatusCode);
            Assert.Equal("/sign-in", cohort.Headers.Location!.AbsolutePath);
        }
        finally
        {
            server.Provider.NextGroups = ["interop-readers"];
        }
    }

    [Fact]
    public async Task ProviderSignIn_WrongState_IsRefused()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();
        var back = await ProviderAnswersAsync(await StartAsync(http, browser));
        var query = QueryHelpers.ParseQuery(back.Query);
        var forged = QueryHelpers.AddQueryString(back.GetLeftPart(UriPartial.Path), new Dictionary<string, string?>
        {
            ["code"] = query["code"],
            ["state"] = query["state"].ToString()[..^4] + "AAAA",
        });

        using var callback = await GetAsync(http, browser, new Uri(forged));

        Assert.Equal("/sign-in?refused=provider", callback.Headers.Location!.OriginalString);
        Assert.Null(browser[DashboardCookie.Name]);
    }

    [Fact]
    public async Task ProviderSignIn_StateOfAnotherBrowser_IsRefused()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();
        var back = await ProviderAnswersAsync(await StartAsync(http, browser));

        // The code and state reach a browser that did not start this sign-in (no correlation cookie): login CSRF.
        var other = new BrowserCookies();
        using var callback = await GetAsync(http, other, back);

        Assert.Equal("/sign-in?refused=provider", callback.Headers.Location!.OriginalString);
        Assert.Null(other[DashboardCookie.Name]);
    }

    [Fact]
    public async Task ProviderSignIn_WrongNonce_IsRefused()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();
        server.Provider.NonceOverride = "a-nonce-this-service-never-sent";
        try
        {
            using var callback = await GetAsync(http, browser, await ProviderAnswersAsync(await StartAsync(http, browser)));

            Assert.Equal("/sign-in?refused=provider", callback.Headers.Location!.OriginalString);
            Assert.Null(browser[DashboardCookie.Name]);
        }
        finally
        {
            server.Provider.NonceOverride = null;
        }
    }

    [Fact]
    public async Task ProviderSignIn_Logs_NoTokenNoSubjectNoCode()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();
        var back = await ProviderAnswersAsync(await StartAsync(http, browser));
        using var callback = await GetAsync(http, browser, back);
        var code = QueryHelpers.ParseQuery(back.Query)["code"].ToString();

        // The service's own log (the framework's request lines, which quote the query, are below the shipped Warning level).
        var logged = server.Logs.Entries.Where(e => e.Level >= LogLevel.Information && e.Category.StartsWith("Interop", StringComparison.Ordinal))
            .Select(e => e.Message).ToList();

        Assert.Contains(logged, m => m == "Dashboard session opened through the identity provider with the role read");
        Assert.DoesNotContain(logged, m => m.Contains(FakeIdentityProvider.Subject, StringComparison.Ordinal)
            || m.Contains(code, StringComparison.Ordinal)
            || server.Provider.IssuedIdTokens.Any(t => m.Contains(t, StringComparison.Ordinal))
            || m.Contains(FakeIdentityProvider.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInPage_BothConfigured_ShowsProviderButtonAndKeyForm_CspAllowsTheProvider()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();

        using var page = await GetAsync(http, browser, new Uri("/sign-in", UriKind.Relative));
        var toProvider = await StartAsync(http, browser);

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"Sign in with {OidcDashboardServer.ProviderName}", html, StringComparison.Ordinal);
        Assert.Contains("name=\"key\"", html, StringComparison.Ordinal);
        var csp = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {server.Provider.Authority}", StringComparison.Ordinal), csp);

        // The redirect that answers the sign-in form goes to an origin form-action allows (browsers check it there too).
        var formAction = Regex.Match(csp, "form-action ([^;]+)").Groups[1].Value.Split(' ');
        Assert.Contains(toProvider.GetLeftPart(UriPartial.Authority), formAction);
    }

    [Fact]
    public async Task ProviderButton_WithoutAntiforgeryToken_IsRefused()
    {
        using var http = server.Http();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/sign-in?handler=Provider", UriKind.Relative)) { Content = new FormUrlEncodedContent([]) };

        using var answer = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
    }

    [Fact]
    public async Task ApiKeySignIn_ProviderAlsoConfigured_StillWorks()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();
        using var form = await GetAsync(http, browser, new Uri("/sign-in", UriKind.Relative));

        using var signIn = await PostAsync(http, browser, "/sign-in", await form.Content.ReadAsStringAsync(), new KeyValuePair<string, string>("key", ApiServer.ReadKey));
        using var cohort = await GetAsync(http, browser, new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, cohort.StatusCode);
        Assert.Contains("Signed in as <strong>ward-display</strong>", await cohort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_ProviderSession_ClearsTheCookieAndEndsTheSessionAtTheProvider()
    {
        using var http = server.Http();
        var browser = new BrowserCookies();
        using var callback = await GetAsync(http, browser, await ProviderAnswersAsync(await StartAsync(http, browser)));
        using var cohort = await GetAsync(http, browser, new Uri("/", UriKind.Relative));

        using var signOut = await PostAsync(http, browser, "/sign-out", await cohort.Content.ReadAsStringAsync());
        using var after = await GetAsync(http, browser, new Uri("/", UriKind.Relative));

        Assert.Null(browser[DashboardCookie.Name]);
        var endSession = signOut.Headers.Location!;
        Assert.Equal(server.Provider.Authority + "/logout", endSession.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(endSession.Query);
        Assert.Equal(FakeIdentityProvider.ClientId, query["client_id"]);
        Assert.Equal(new Uri(server.BaseAddress, "/signout-callback-oidc").ToString(), query["post_logout_redirect_uri"]);
        Assert.False(query.ContainsKey("id_token_hint"));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/sign-in", after.Headers.Location!.AbsolutePath);

        // The provider sends the browser back to the signed-out callback, which ends on the sign-in page.
        using var signedOut = await GetAsync(http, browser, await ProviderAnswersAsync(endSession));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/sign-in", signedOut.Headers.Location!.OriginalString);
    }

    /// <summary>Loads the sign-in page and posts its provider button: where the service sends the browser.</summary>
    private static async Task<Uri> StartAsync(HttpClient http, BrowserCookies browser)
    {
        using var page = await GetAsync(http, browser, new Uri("/sign-in", UriKind.Relative));
        using var answer = await PostAsync(http, browser, "/sign-in?handler=Provider", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    /// <summary>The provider signs the person in at once and sends the browser back: the callback address with code and state.</summary>
    private static async Task<Uri> ProviderAnswersAsync(Uri authorize)
    {
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var answer = await provider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, BrowserCookies browser, Uri address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        browser.AddTo(request);
        var answer = await http.SendAsync(request);
        browser.Take(answer);
        return answer;
    }

    /// <summary>Posts a form of <paramref name="page"/> as a browser does: with its antiforgery token and the cookies.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, BrowserCookies browser, string path, string page, params KeyValuePair<string, string>[] fields)
    {
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]),
        };
        browser.AddTo(request);
        var answer = await http.SendAsync(request);
        browser.Take(answer);
        return answer;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
