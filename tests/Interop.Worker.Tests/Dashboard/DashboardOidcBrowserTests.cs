using Interop.Worker.Dashboard;
using PuppeteerSharp;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>
/// The provider sign-in in headless Chromium, the service on 127.0.0.1 and the provider on localhost (two sites): the
/// CSP's form-action lets the sign-in form's redirect reach the provider, the Lax correlation cookies come back when the
/// person approves on the provider's page, and the SameSite=Strict session cookie, not sent on the way back from the
/// provider's site, is sent once the landing page moves on.
/// </summary>
[Collection(OidcDashboardCollection.Name)]
public sealed class DashboardOidcBrowserTests(OidcDashboardServer server, SystemChromium chromium) : ChromiumPageTest(chromium)
{
    [ChromiumFact]
    public async Task ProviderSignIn_InABrowser_LandsOnTheCohortPageSignedIn()
    {
        var violations = new List<string>();
        Page.Console += (_, e) => violations.Add(e.Message.Text);
        await Page.GoToAsync(new Uri(server.BaseAddress, "/").ToString());
        Assert.Equal("/sign-in", new Uri(Page.Url).AbsolutePath);
        await Page.ScreenshotAsync(Path.Combine(SystemChromium.ScreenshotFolder, "oidc-01-sign-in.png"));

        server.Provider.ShowsApprovalPage = true;
        try
        {
            await Page.ClickAsync("#sign-in-provider");
            await Page.WaitForSelectorAsync("#approve");
            await Page.ClickAsync("#approve");
        }
        finally
        {
            server.Provider.ShowsApprovalPage = false;
        }

        await WaitForAsync(() => new Uri(Page.Url).AbsolutePath == "/" && new Uri(Page.Url).Port == server.BaseAddress.Port);
        await Page.WaitForSelectorAsync("h1");

        await Page.ScreenshotAsync(Path.Combine(SystemChromium.ScreenshotFolder, "oidc-02-cohort.png"));
        Assert.Equal("Cohort", await Page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent.trim()"));
        Assert.Equal(FakeIdentityProvider.Subject, await Page.EvaluateExpressionAsync<string>("document.querySelector('.who strong').textContent.trim()"));
        Assert.DoesNotContain(violations, m => m.Contains("Content Security Policy", StringComparison.Ordinal));
        var cookies = await Page.GetCookiesAsync(server.BaseAddress.ToString());
        var session = Assert.Single(cookies, c => c.Name == DashboardCookie.Name);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSite.Strict, session.SameSite);
    }

    private async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the browser is at {Page.Url}");
            await Task.Delay(100);
        }
    }
}
