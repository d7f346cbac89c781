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
public sealed class DashboardOidcBrowserTests(OidcDashboardServer server, SystemChromium chromium) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        if (SystemChromium.Unavailable is not null)
        {
            return;
        }

        _context = await chromium.Browser.CreateBrowserContextAsync();
        _page = await _context.NewPageAsync();
        await _page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task ProviderSignIn_InABrowser_LandsOnTheCohortPageSignedIn()
    {
        var violations = new List<string>();
        _page.Console += (_, e) => violations.Add(e.Message.Text);
        await _page.GoToAsync(new Uri(server.BaseAddress, "/").ToString());
        Assert.Equal("/sign-in", new Uri(_page.Url).AbsolutePath);
        await _page.ScreenshotAsync(Path.Combine(SystemChromium.ScreenshotFolder, "oidc-01-sign-in.png"));

        server.Provider.ShowsApprovalPage = true;
        try
        {
            await _page.ClickAsync("#sign-in-provider");
            await _page.WaitForSelectorAsync("#approve");
            await _page.ClickAsync("#approve");
        }
        finally
        {
            server.Provider.ShowsApprovalPage = false;
        }

        await WaitForAsync(() => new Uri(_page.Url).AbsolutePath == "/" && new Uri(_page.Url).Port == server.BaseAddress.Port);
        await _page.WaitForSelectorAsync("h1");

        await _page.ScreenshotAsync(Path.Combine(SystemChromium.ScreenshotFolder, "oidc-02-cohort.png"));
        Assert.Equal("Cohort", await _page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent.trim()"));
        Assert.Equal(FakeIdentityProvider.Subject, await _page.EvaluateExpressionAsync<string>("document.querySelector('.who strong').textContent.trim()"));
        Assert.DoesNotContain(violations, m => m.Contains("Content Security Policy", StringComparison.Ordinal));
        var cookies = await _page.GetCookiesAsync(server.BaseAddress.ToString());
        var session = Assert.Single(cookies, c => c.Name == DashboardCookie.Name);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSite.Strict, session.SameSite);
    }

    private async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the browser is at {_page.Url}");
            await Task.Delay(100);
        }
    }
}
