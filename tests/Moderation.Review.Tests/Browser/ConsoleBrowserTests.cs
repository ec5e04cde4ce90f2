using Microsoft.Playwright;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Review.Tests.Browser;

/// <summary>The console in a real browser (Debian's Chromium), driven as a moderator would drive it.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class ConsoleBrowserTests(ReviewHost host, BrowserFixture browser)
{
    private static string Article(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    private async Task<IPage> SignedInPageAsync(string username, IBrowserContext? context = null)
    {
        context ??= await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", username);
        await page.FillAsync("#signin-form [name=password]", ReviewHost.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync("#queue-view:not([hidden])");
        return page;
    }

    private static Task WaitForItemAsync(IPage page, Guid id) =>
        page.WaitForSelectorAsync($"#item[data-item-id='{id}']", new PageWaitForSelectorOptions { Timeout = 20000 });

    [Fact]
    public async Task Sign_in_see_the_hit_highlighted_approve_by_keyboard_reject_with_a_reason_and_find_both_in_the_audit_log()
    {
        const string site = "browser-flow";
        var article = Article("flow");
        var api = host.Site(site);
        var author = "reader-7";
        using var first = await api.PostAsync(article, new
        {
            author = new { id = author, name = "Reader One" },
            body = "Thanks for covering the council vote so carefully.",
            article = new { title = "Council votes to put its minutes online", url = "https://news.example/local/council-minutes", section = "local" },
        });
        var earlier = System.Text.Json.Nodes.JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        await api.WaitForFinalStatusAsync(earlier);
        var parent = await api.SubmitAsync(article, "Does anyone know when the minutes are published?", "reader-3");
        await api.WaitForFinalStatusAsync(parent);
        var body = "The minutes are already online at https://example.org/council/minutes, page 4.";
        var approveId = await host.SubmitFlaggedAsync(site, article, body, author, parent.ToString());
        var rejectId = await host.SubmitFlaggedAsync(site, article, "Cheap followers here https://example.org/buy", "reader-9");
        var moderator = await host.CreateModeratorAsync("flow", site);

        var page = await SignedInPageAsync(moderator);
        await WaitForItemAsync(page, approveId);

        var mark = page.Locator("#item-body mark").First;
        Assert.Equal("https://example.org/council/minutes", await mark.TextContentAsync());
        Assert.Equal(body, await page.Locator("#item-body").TextContentAsync());
        Assert.Contains("link", await page.Locator("#item-hits").TextContentAsync());
        Assert.Contains("Does anyone know", await page.Locator("#parent-body").TextContentAsync());
        Assert.Contains("council vote", await page.Locator("#item-history").TextContentAsync());
        Assert.Equal("Council votes to put its minutes online", await page.Locator("#item-article-title").TextContentAsync());
        await SaveScreenshotAsync(page);

        await page.Keyboard.PressAsync("a");
        await WaitForItemAsync(page, rejectId);
        await Eventually.MatchesAsync(
            () => api.ListAsync(article), list => list["items"]!.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == approveId), "the approved comment in the read API");

        await page.Keyboard.PressAsync("r");
        await page.WaitForSelectorAsync("#reject-dialog[open]");
        await page.Keyboard.PressAsync("1");
        await page.FillAsync("#reject-form textarea", "bought followers");
        await page.ClickAsync("#reject-form button[type=submit]");
        await page.WaitForSelectorAsync("#empty:not([hidden])");

        await page.ClickAsync("button[data-view=audit]");
        await page.WaitForSelectorAsync($"#audit-rows tr[data-comment='{rejectId}']");
        await page.WaitForSelectorAsync($"#audit-rows tr[data-comment='{approveId}']");
        var rejected = await page.Locator($"#audit-rows tr[data-comment='{rejectId}']").TextContentAsync();
        Assert.Contains("rejected", rejected);
        Assert.Contains("spam: bought followers", rejected);
        Assert.Contains(moderator, rejected);
        Assert.Contains("approved", await page.Locator($"#audit-rows tr[data-comment='{approveId}']").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_moderator_in_the_console_who_can_then_sign_in_to_their_site()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", ReviewHost.AdminUsername);
        await page.FillAsync("#signin-form [name=password]", ReviewHost.AdminPassword);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync("#admin-tab:not([hidden])");

        var username = $"console-{Guid.NewGuid():N}"[..20];
        await page.ClickAsync("#admin-tab");
        await page.FillAsync("#create-moderator [name=username]", username);
        await page.FillAsync("#create-moderator [name=password]", ReviewHost.Password);
        await page.SelectOptionAsync("#create-moderator [name=role]", "moderator");
        await page.FillAsync("#create-moderator [name=sites]", "browser-safe");
        await page.ClickAsync("#create-moderator button[type=submit]");
        await page.WaitForSelectorAsync($"#moderator-rows tr:has-text('{username}')");
        Assert.Equal("browser-safe", await page.Locator($"#moderator-rows tr:has-text('{username}') input[aria-label^='Sites of']").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#create-moderator [name=username]").InputValueAsync());
        await context.CloseAsync();

        var moderator = await SignedInPageAsync(username);
        Assert.Contains("browser-safe", await moderator.Locator("body").TextContentAsync());
        Assert.True(await moderator.Locator("#admin-tab").IsHiddenAsync(), "a moderator must not see the admin view");
        await moderator.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_moderators_in_two_browsers_never_get_the_same_item_while_its_lease_holds()
    {
        const string site = "browser-lease";
        var article = Article("lease");
        var first = await host.SubmitFlaggedAsync(site, article, "First https://example.org/a", "reader-1");
        var second = await host.SubmitFlaggedAsync(site, article, "Second https://example.org/b", "reader-2");
        var ann = await SignedInPageAsync(await host.CreateModeratorAsync("ann", site));
        var bob = await SignedInPageAsync(await host.CreateModeratorAsync("bob", site));

        await ann.WaitForSelectorAsync("#item[data-item-id]");
        await bob.WaitForSelectorAsync("#item[data-item-id]");
        var annItem = await ann.GetAttributeAsync("#item", "data-item-id");
        var bobItem = await bob.GetAttributeAsync("#item", "data-item-id");

        Assert.Equal(new[] { first, second }.Select(id => id.ToString()).Order(), new[] { annItem, bobItem }.Order());

        // Moving through the queue never lands Bob on Ann's item, and clicking it is refused.
        await bob.Keyboard.PressAsync("j");
        await bob.Keyboard.PressAsync("k");
        Assert.Equal(bobItem, await bob.GetAttributeAsync("#item", "data-item-id"));
        await bob.ClickAsync($"#items li[data-id='{annItem}']");
        await bob.WaitForFunctionAsync("() => document.getElementById('item-message').textContent.includes('Another moderator')");
        Assert.Equal(bobItem, await bob.GetAttributeAsync("#item", "data-item-id"));
        await ann.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    [Fact]
    public async Task Markup_in_comments_renders_as_text_and_runs_nothing_and_a_cross_site_post_is_refused()
    {
        const string site = "browser-safe";
        var article = Article("safe");
        var image = await host.SubmitFlaggedAsync(site, article, "<img src=x onerror=alert(1)> https://example.org/img", "reader-1");
        var script = await host.SubmitFlaggedAsync(site, article, "<script>alert(1)</script> https://example.org/js", "reader-2");
        var page = await SignedInPageAsync(await host.CreateModeratorAsync("safe", site));
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        await WaitForItemAsync(page, image);
        Assert.StartsWith("<img src=x onerror=alert(1)>", await page.Locator("#item-body").TextContentAsync());
        await page.Keyboard.PressAsync("j");
        await WaitForItemAsync(page, script);
        Assert.StartsWith("<script>alert(1)</script>", await page.Locator("#item-body").TextContentAsync());

        Assert.Equal(0, await page.Locator("main img, main script").CountAsync());
        Assert.Empty(dialogs);

        // The browser's own cookies, but no antiforgery header: what a page on another site could make it send.
        var forged = await page.Context.APIRequest.PostAsync(
            new Uri(host.Host.Address, $"/v1/review/items/{script}/approve").ToString(),
            new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Origin"] = "https://evil.example" }, DataObject = new { } });
        Assert.Equal(400, forged.Status);
        Assert.Equal(200, (await page.Context.APIRequest.GetAsync(new Uri(host.Host.Address, "/v1/review/me").ToString())).Status);
        Assert.Equal(404, (await page.Context.APIRequest.GetAsync(new Uri(host.Host.Address, $"/v1/review/sites/api-b/queue").ToString())).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_comment_flagged_while_the_console_is_open_appears_without_a_reload()
    {
        const string site = "browser-live";
        var page = await SignedInPageAsync(await host.CreateModeratorAsync("live", site));
        await page.WaitForSelectorAsync("#empty:not([hidden])");
        await page.WaitForSelectorAsync("#live:not([hidden])");
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        var id = await host.SubmitFlaggedAsync(site, Article("live"), "Breaking: https://example.org/live", "reader-5");

        await page.WaitForSelectorAsync($"#items li[data-id='{id}']", new PageWaitForSelectorOptions { Timeout = 20000 });
        await WaitForItemAsync(page, id);
        Assert.Equal(0, navigations);
        await page.Context.CloseAsync();
    }

    /// <summary>The console with a flagged comment: a test artifact always, and the README's picture when UPDATE_SCREENSHOT=1.</summary>
    private static async Task SaveScreenshotAsync(IPage page)
    {
        var artifact = Path.Combine(AppContext.BaseDirectory, "artifacts", "console.png");
        Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = artifact });
        Assert.True(new FileInfo(artifact).Length > 10_000, "the screenshot is empty");
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOT") == "1")
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Moderation.sln")))
            {
                root = root.Parent;
            }

            var docs = Path.Combine(root!.FullName, "docs", "images");
            Directory.CreateDirectory(docs);
            File.Copy(artifact, Path.Combine(docs, "console.png"), overwrite: true);
        }
    }
}
