using Microsoft.Playwright;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Browser;

/// <summary>The queue in Chromium with thousands waiting, hostile text, and the keys a moderator leans on.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class QueueBrowserTests(ReviewHost host, BrowserFixture browser)
{
    private async Task<IPage> SignedInPageAsync(string username)
    {
        var context = await browser.NewContextAsync();
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
    public async Task With_ten_thousand_waiting_j_walks_past_the_first_page_the_selected_row_stays_in_view_and_the_page_never_scrolls()
    {
        const string site = "browser-scale";
        var ids = await host.QueueManyAsync(site, "big-story", 10_000);
        var page = await SignedInPageAsync(await host.CreateModeratorAsync("scale", site));
        await WaitForItemAsync(page, ids[0]);

        Assert.True(await page.Locator("#items li").CountAsync() < 100, "only the rows in view are rendered");

        for (var i = 1; i <= 520; i++)
        {
            await page.Keyboard.PressAsync("j");
            await WaitForItemAsync(page, ids[i]);
        }

        var selected = page.Locator($"#items li[data-id='{ids[520]}']");
        var row = (await selected.BoundingBoxAsync())!;
        var list = (await page.Locator("#items-scroll").BoundingBoxAsync())!;
        Assert.InRange(row.Y, list.Y - 1, list.Y + list.Height - row.Height + 1);
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight <= window.innerHeight + 1"), "the page itself must not scroll");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "nor grow wide");
        Assert.Equal("true", await selected.GetAttributeAsync("aria-current"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Long_unbroken_text_wraps_every_hit_stays_marked_and_bidi_overrides_are_shown_not_applied()
    {
        const string site = "browser-text";
        var article = $"text-{Guid.NewGuid():N}"[..16];
        var longWord = new string('w', 6_000);
        var longId = await host.QueueOneAsync(site, article, longWord, new CommentAuthor("long", new string('n', 400)),
            [new RuleHit("spam.repeated", "spam", "low", 0, 50, longWord[..50])]);

        const string body = "you are vermin and an idiot, read https://example.org/\u202Etxt.exe";
        var spoofId = await host.QueueOneAsync(site, article, body, new CommentAuthor("spoof", "Ann\u202Egnp.exe"),
        [
            new RuleHit("hate.dehumanising", "hate", "high", 0, body.Length, body),
            new RuleHit("insult.person", "insult", "medium", 8, 6, "vermin"),
            new RuleHit("insult.person", "insult", "medium", 22, 5, "idiot"),
        ]);

        var page = await SignedInPageAsync(await host.CreateModeratorAsync("text", site));
        await page.FillAsync("#filters [name=article]", article);
        await page.Locator("#filters [name=article]").DispatchEventAsync("change");
        await page.WaitForSelectorAsync($"#items li[data-id='{longId}']");
        await page.Keyboard.PressAsync("Escape");
        if (await page.GetAttributeAsync("#item", "data-item-id") != longId.ToString())
        {
            await page.Keyboard.PressAsync("j");
        }

        await WaitForItemAsync(page, longId);
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "a 6,000-character word must wrap");

        await page.Keyboard.PressAsync("j");
        await WaitForItemAsync(page, spoofId);
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"));
        var marks = page.Locator("#item-body mark");
        Assert.True(await marks.CountAsync() >= 3, "the hits inside the whole-body hit must stay marked");
        Assert.Equal("vermin", await page.Locator("#item-body mark.depth-2").First.TextContentAsync());
        Assert.Contains("idiot", await page.Locator("#item-body mark.depth-2").AllTextContentsAsync());

        var applied = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('main *')].filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.data.includes('\u202E'))).map(e => e.outerHTML.slice(0, 200)).join(' | ')");
        Assert.True(applied.Length == 0, $"bidi override applied in: {applied}");
        Assert.Contains("Ann⟦U+202E⟧gnp.exe", await page.Locator("#item-author").TextContentAsync());
        Assert.Contains("⟦U+202E⟧txt.exe", await page.Locator("#item-body").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Rows_are_reached_with_tab_esc_leaves_a_filter_box_a_new_filter_keeps_the_held_item_and_reject_preselects_nothing()
    {
        const string site = "browser-text";
        var article = $"keys-{Guid.NewGuid():N}"[..16];
        var other = $"keys-{Guid.NewGuid():N}"[..16];
        var author = new CommentAuthor("keys", "Kay");
        var hit = new RuleHit("link.any", "link", "low", 0, 5, "https");
        var first = await host.QueueOneAsync(site, article, "https first", author, [hit]);
        var second = await host.QueueOneAsync(site, other, "https second", author, [hit]);
        var page = await SignedInPageAsync(await host.CreateModeratorAsync("keys", site));
        await page.FillAsync("#filters [name=article]", article);
        await page.Locator("#filters [name=article]").DispatchEventAsync("change");
        await page.WaitForSelectorAsync($"#items li[data-id='{first}']");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("j");
        await WaitForItemAsync(page, first);

        // Esc leaves the box; j is then a shortcut, not a letter typed into the filter.
        await page.FocusAsync("#filters [name=author]");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("j");
        Assert.Equal(string.Empty, await page.Locator("#filters [name=author]").InputValueAsync());

        // Changing the filter lists other comments but keeps the one being worked.
        await page.FillAsync("#filters [name=article]", other);
        await page.Locator("#filters [name=article]").DispatchEventAsync("change");
        await page.WaitForSelectorAsync($"#items li[data-id='{second}']");
        Assert.Equal(first.ToString(), await page.GetAttributeAsync("#item", "data-item-id"));

        // Tab reaches the row; Enter opens it.
        await page.FocusAsync("#filters [name=order]");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(second.ToString(), await page.EvaluateAsync<string>("() => document.activeElement.dataset.id"));
        await page.Keyboard.PressAsync("Enter");
        await WaitForItemAsync(page, second);

        await page.Keyboard.PressAsync("r");
        await page.WaitForSelectorAsync("#reject-dialog[open]");
        Assert.Equal(0, await page.Locator("#reasons input:checked").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reject_all_from_author_shows_the_count_before_and_rejects_every_one()
    {
        const string site = "browser-scale";
        var article = $"flood-{Guid.NewGuid():N}"[..16];
        var author = $"flood-{Guid.NewGuid():N}"[..16];
        var ids = await host.QueueManyAsync(site, article, 600, _ => author);
        var page = await SignedInPageAsync(await host.CreateModeratorAsync("flood", site));
        await page.FillAsync("#filters [name=author]", author);
        await page.Locator("#filters [name=author]").DispatchEventAsync("change");
        await page.WaitForSelectorAsync($"#items li[data-id='{ids[0]}']");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("j");
        await page.WaitForFunctionAsync($"() => ['{string.Join("','", ids)}'].includes(document.getElementById('item').dataset.itemId)");

        await page.Keyboard.PressAsync("x");
        await page.WaitForSelectorAsync("#reject-dialog[open]");
        Assert.Contains("Reject all 600 waiting comment(s)", await page.Locator("#reject-title").TextContentAsync());
        await page.Keyboard.PressAsync("1");
        await page.ClickAsync("#reject-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('item-message').textContent.includes('Rejected 600 comment(s)')",
            null, new PageWaitForFunctionOptions { Timeout = 60000 });
        await page.Context.CloseAsync();
    }
}
