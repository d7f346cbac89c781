using PuppeteerSharp;

namespace Interop.Worker.Tests.Dashboard;

/// <summary>
/// The system's Chromium (Debian's <c>chromium</c> package; <c>INTEROP_CHROMIUM</c> names another executable), started
/// headless once for the dashboard's browser tests. No browser is ever downloaded: without one the tests skip, saying why.
/// </summary>
public sealed class SystemChromium : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>Why the browser tests cannot run here, or null when a browser was found.</summary>
    public static string? Unavailable { get; } = Find() is null
        ? "No Chromium found (INTEROP_CHROMIUM, /usr/bin/chromium): install Debian's package, `apt-get install -y chromium`, as .ci/run does."
        : null;

    /// <summary>Where the screenshots go: <c>TestResults/screenshots</c> under the test output (or <c>INTEROP_SCREENSHOTS</c>).</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("INTEROP_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Find() is not { } executable)
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,

            // Root in CI's container has no user namespace for the sandbox; the pages are our own, on 127.0.0.1.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            Browser.Dispose();
        }
    }

    private static string? Find() =>
        Environment.GetEnvironmentVariable("INTEROP_CHROMIUM") is { Length: > 0 } configured
            ? (File.Exists(configured) ? configured : null)
            : Candidates.FirstOrDefault(File.Exists);
}

/// <summary>A fact that is skipped, with the reason, where no system Chromium is installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (SystemChromium.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
