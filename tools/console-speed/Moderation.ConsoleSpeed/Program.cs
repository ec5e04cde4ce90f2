using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moderation.Contracts;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.ConsoleSpeed;

/// <summary>
/// Starts the composed host on a temporary SQLite file, queues a small pile and 10,000 flagged comments on two sites,
/// and drives the console in headless Chromium: how long the first render takes and how long a keyboard decision
/// (<c>a</c> until the next comment is shown) takes, for both, timed inside the page. Exits 1 when the 10,000-item
/// figures miss their targets (first render under 1 s, decision p90 under 150 ms).
/// </summary>
public static class Program
{
    private const string Admin = "speed-admin";
    private const string Password = "speed-password-0001";

    public static async Task<int> Main(string[] args)
    {
        var large = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        const int decisions = 100;
        const int loads = 5;
        var small = decisions + 20;
        var folder = Directory.CreateTempSubdirectory("moderation-console-speed-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "moderation.db"),
            ["Review:BootstrapAdmin:Username"] = Admin,
            ["Review:BootstrapAdmin:Password"] = Password,
            ["Sites:small:ApiKeys:0"] = "small-key-0001",
            ["Sites:large:ApiKeys:0"] = "large-key-0001",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var host = await RunningService.StartAsync(Moderation.Host.Program.Build, settings);
        var queue = host.Services.GetRequiredService<IReviewQueueStore>();
        await QueueAsync(queue, "small", small);
        await QueueAsync(queue, "large", large);

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 860 } });
        var page = await context.NewPageAsync();
        var console = new Uri(host.Address, "/console/").ToString();
        await page.GotoAsync(console);
        await page.FillAsync("#signin-form [name=username]", Admin);
        await page.FillAsync("#signin-form [name=password]", Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync("#queue-view:not([hidden])");

        var results = new List<(string Site, int Waiting, List<double> Renders, List<double> Decisions)>();
        foreach (var (site, waiting) in new[] { ("small", small), ("large", large) })
        {
            var renders = new List<double>();
            for (var i = 0; i < loads; i++)
            {
                await page.EvaluateAsync("site => localStorage.setItem('moderation.site', site)", site);
                await page.GotoAsync(console);
                renders.Add(await page.EvaluateAsync<double>(FirstRenderScript));
            }

            var times = new List<double>();
            for (var i = 0; i < decisions; i++)
            {
                times.Add(await page.EvaluateAsync<double>(DecisionScript));
            }

            results.Add((site, waiting, renders, times));
        }

        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"Console speed, headless Chromium on this machine ({Environment.ProcessorCount} cores, load average {load}), timed inside the page");
        Console.WriteLine($"{"queue",-10} {"waiting",8} | {"first render ms (median / max of " + loads + ")",-38} | decision ms over {decisions} (a -> next shown)");
        foreach (var (site, waiting, renders, times) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{site,-10} {waiting,8} | {Percentile(renders, 50),10:F0} / {renders.Max(),-25:F0} | p50 {Percentile(times, 50):F0}, p90 {Percentile(times, 90):F0}, max {times.Max():F0}"));
        }

        var (_, _, largeRenders, largeTimes) = results[^1];
        var renderOk = Percentile(largeRenders, 50) < 1000;
        var decisionOk = Percentile(largeTimes, 90) < 150;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"targets with {large} waiting: first render < 1000 ms {(renderOk ? "met" : "MISSED")}, decision p90 < 150 ms {(decisionOk ? "met" : "MISSED")}"));
        await context.CloseAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return renderOk && decisionOk ? 0 : 1;
    }

    // Milliseconds from the start of the navigation until the list shows rows and the first comment is open.
    private const string FirstRenderScript = """
        () => new Promise(resolve => {
          const check = () => document.querySelector('#item[data-item-id]:not([hidden])') && document.querySelector('#items li')
            ? resolve(performance.now()) : requestAnimationFrame(check);
          check();
        })
        """;

    // Milliseconds from pressing a until the next comment is shown.
    private const string DecisionScript = """
        () => new Promise((resolve, reject) => {
          const item = document.getElementById('item');
          const before = item.dataset.itemId;
          const started = performance.now();
          const check = () => item.dataset.itemId && item.dataset.itemId !== before ? resolve(performance.now() - started)
            : performance.now() - started > 10000 ? reject(new Error('no next item')) : requestAnimationFrame(check);
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
          requestAnimationFrame(check);
        })
        """;

    private static async Task QueueAsync(IReviewQueueStore queue, string site, int count)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        for (var i = 0; i < count; i++)
        {
            var body = $"Comment {i} on the big story, more at https://example.org/{site}/{i}";
            var link = body.IndexOf("https", StringComparison.Ordinal);
            var at = start.AddMilliseconds(i);
            var comment = new Comment(MassTransit.NewId.NextGuid(), site, $"story-{i % 7}", new CommentAuthor($"reader-{i}", $"Reader {i}"), body, null, at);
            var decision = new ModerationDecision(DecisionOutcome.Flag, 1, [new RuleHit("link.any", "link", "low", link, body.Length - link, body[link..])], "speed", at);
            await queue.AddAsync(new ReviewItem(comment, decision, at));
        }
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
