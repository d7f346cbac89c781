using PuppeteerSharp;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>A browser test's page: a fresh Chromium context per test (no cookie from another test), 1280x900.</summary>
public abstract class ChromiumPageTest(SystemChromium chromium) : IAsyncLifetime
{
    private IBrowserContext? _context;

    /// <summary>The test's page (unset when Chromium is unavailable: the test is skipped then).</summary>
    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (SystemChromium.Unavailable is not null)
        {
            return;
        }

        _context = await chromium.Browser.CreateBrowserContextAsync();
        Page = await _context.NewPageAsync();
        await Page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }
}
