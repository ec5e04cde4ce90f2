using Microsoft.Playwright;

namespace Moderation.Review.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright. No browser is downloaded: the tests need /usr/bin/chromium and fail,
/// saying how to install it, when it is missing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies), like a second person at another desk.</summary>
    /// <param name="timezoneId">The browser's time zone (an IANA name); null keeps the machine's.</param>
    public async Task<IBrowserContext> NewContextAsync(string? timezoneId = null)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: the browser tests need Debian's Chromium. Run: apt-get install -y chromium");
        return await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 860 }, TimezoneId = timezoneId });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
