using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Review.Tests.Browser;

/// <summary>
/// The article around a comment in the console, in Chromium, on the composed host: the site's title and url (as text and
/// a safe link), the article's mode badge, the thread with each comment's state, the link to the published comment,
/// and the article view, where a moderator takes down a comment the rules published that never was in the queue.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class ArticleBrowserTests(ReviewHost host, BrowserFixture browser)
{
    // Events of earlier tests on the shared host (a 10,000-comment bulk) can still be draining: this is a wait, not a speed test.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private const string Site = "browser-article";
    private const string Url = "https://news.example/politics/talks";

    [Fact]
    public async Task Item_shows_its_article_mode_and_thread_and_the_article_view_takes_down_a_published_comment()
    {
        var article = $"art-{Guid.NewGuid():N}"[..16];
        var site = host.Site(Site);
        var title = "<img src=x onerror=\"window.__xss=1\">Talks \u202Eexe.txt";
        var parent = await SubmitAsync(site, article, "A clear summary of the talks, thank you.", "art-p", 400, null, new { title, url = Url, section = "politics" });
        await WaitForStatusAsync(site, parent, "approved");
        var flagged = await SubmitAsync(site, article, "Details at https://example.org/article/1", "art-f", 1, parent, null);
        await WaitForStatusAsync(site, flagged, "flagged");
        using (var put = await site.SubmitHttp.PutAsJsonAsync($"/v1/sites/{Site}/articles/{article}/moderation", new { mode = "premoderate" }))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        await Eventually.MatchesAsync(
            () => host.Admin.GetJsonAsync($"/v1/review/sites/{Site}/articles/{article}"),
            view => view["article"]!["mode"]?["mode"]?.GetValue<string>() == "premoderate" && view["items"]!.AsArray().Count == 2,
            "the article's mode and both comments known to Review",
            Patience);

        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", await host.CreateModeratorAsync("articler", Site));
        await page.FillAsync("#signin-form [name=password]", ReviewHost.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync($"#item[data-item-id='{flagged}']");

        // The title is text (no element, no script, the override shown as a mark); the url a link that leaks nothing.
        var link = page.Locator("#item-article-title");
        Assert.Equal("<img src=x onerror=\"window.__xss=1\">Talks ⟦U+202E⟧exe.txt", await link.TextContentAsync());
        Assert.Equal(Url, await link.GetAttributeAsync("href"));
        Assert.Equal("noopener noreferrer", await link.GetAttributeAsync("rel"));
        Assert.Equal(0, await page.Locator("#item-context img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        Assert.Equal("premoderated", await page.Locator("#item-mode").TextContentAsync());
        Assert.Equal("politics", await page.Locator("#item-section").TextContentAsync());
        Assert.Equal($"{Url}#comment-{flagged}", await page.GetAttributeAsync("#item-comment-link", "href"));
        Assert.Equal("noopener noreferrer", await page.GetAttributeAsync("#item-comment-link", "rel"));
        Assert.Equal($"/v1/comments/{flagged}", await page.Locator("#item-comment-api").TextContentAsync());

        // The thread: the parent, published, then this comment.
        var parentRow = page.Locator($"#thread-items li[data-id='{parent}']");
        Assert.Equal("approved", await parentRow.GetAttributeAsync("data-outcome"));
        Assert.Contains("parent", await parentRow.TextContentAsync());
        Assert.Equal(1, await page.Locator($"#thread-items li.this-comment[data-id='{flagged}']").CountAsync());

        // The article view: both comments, newest first, the published one can be taken down.
        await page.ClickAsync("#open-article");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#article-items li[data-id]').length === 2");
        Assert.Equal(
            [flagged.ToString(), parent.ToString()],
            await page.Locator("#article-items li[data-id]").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.id)"));
        Assert.Equal("premoderated", await page.Locator("#article-mode").TextContentAsync());
        Assert.Equal(0, await page.Locator($"#article-items li[data-id='{flagged}'] [data-action=take-down]").CountAsync());
        await page.ClickAsync($"#article-items li[data-id='{parent}'] [data-action=take-down]");
        await page.WaitForSelectorAsync("#reject-dialog[open]");
        await page.Keyboard.PressAsync("1");
        await page.ClickAsync("#reject-form button[type=submit]");
        await page.WaitForFunctionAsync(
            "() => document.getElementById('article-message').textContent !== ''", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal("Taken down.", await page.Locator("#article-message").TextContentAsync());
        await page.WaitForSelectorAsync($"#article-items li[data-id='{parent}'][data-outcome=rejected]");
        await WaitForStatusAsync(site, parent, "rejected");
        await Eventually.MatchesAsync(() => site.ListAsync(article, "?limit=100"), list => list["items"]!.AsArray().Count == 0, "the parent off its article", Patience);

        // An article can also be opened by its id.
        await page.FillAsync("#article-form [name=article]", "no-such-article");
        await page.ClickAsync("#article-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('#article-items li.muted') !== null");
        await context.CloseAsync();
    }

    private static async Task<Guid> SubmitAsync(SiteApiClient site, string articleId, string body, string authorId, int age, Guid? parentId, object? article)
    {
        var comment = new { author = new { id = authorId, name = $"Reader {authorId}" }, body, parentId = parentId?.ToString(), authorSignals = new { accountAgeDays = age }, article };
        using var response = await site.PostAsync(articleId, comment);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    private static Task WaitForStatusAsync(SiteApiClient site, Guid id, string status) =>
        Eventually.MatchesAsync(() => site.GetStatusAsync(id), s => s?["status"]?.GetValue<string>() == status, $"comment {id} {status}", Patience);
}
