using Microsoft.Playwright;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Browser;

/// <summary>The queue's counts, rule filter, search and order, and the site's reasons with a message to the commenter, in Chromium.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class FilterBrowserTests(ReviewHost host, BrowserFixture browser)
{
    private const string Site = "browser-filters";

    private static RuleHit Hit(string rule, string category, string body, string match) =>
        new(rule, category, "low", body.IndexOf(match, StringComparison.Ordinal), match.Length, match);

    private static async Task<List<string>> RowIdsAsync(IPage page) =>
        [.. (await page.Locator("#items li").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.id)"))];

    [Fact]
    public async Task Rule_counts_filter_the_list_search_finds_text_newest_first_reverses_and_reject_offers_the_sites_reasons_and_a_message()
    {
        var article = $"filters-{Guid.NewGuid():N}"[..16];
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        var links = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var body = $"Link number {i}: https://example.org/{i}";
            links.Add(await host.QueueOneAsync(Site, article, body, new CommentAuthor($"l{i}", $"Linker {i}"),
                [Hit("link.any", "link", body, "https://")], start.AddMinutes(i)));
        }

        const string zebraBody = "Only an idiot would write about the zebra crossing";
        var zebra = await host.QueueOneAsync(Site, article, zebraBody, new CommentAuthor("z1", "Zed"),
            [Hit("insult.person", "insult", zebraBody, "idiot")], start.AddMinutes(3));

        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", await host.CreateModeratorAsync("filters", Site));
        await page.FillAsync("#signin-form [name=password]", ReviewHost.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync($"#item[data-item-id='{links[0]}']");

        // The rule and category choices come from what waits, with their counts.
        await page.WaitForSelectorAsync("#filters [name=rule] option[value='insult.person']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        Assert.Equal("insult.person (1)", await page.Locator("#filters [name=rule] option[value='insult.person']").TextContentAsync());
        Assert.Equal("link.any (3)", await page.Locator("#filters [name=rule] option[value='link.any']").TextContentAsync());
        Assert.Equal("link (3)", await page.Locator("#filters [name=category] option[value='link']").TextContentAsync());
        Assert.Contains("4 waiting", await page.Locator("#queue-summary").TextContentAsync());

        await page.SelectOptionAsync("#filters [name=rule]", "insult.person");
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#items li')].map(li => li.dataset.id).join() === '{zebra}'");
        await page.SelectOptionAsync("#filters [name=rule]", "");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#items li').length === 4");

        // "/" jumps to the search box; typing filters the list by text, in any case.
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("q", await page.EvaluateAsync<string>("() => document.activeElement.name"));
        await page.Keyboard.TypeAsync("ZEBRA");
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#items li')].map(li => li.dataset.id).join() === '{zebra}'");
        await page.FillAsync("#filters [name=q]", "");
        await page.Locator("#filters [name=q]").DispatchEventAsync("input");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#items li').length === 4");

        await page.SelectOptionAsync("#filters [name=order]", "newest");
        await page.WaitForFunctionAsync($"() => document.querySelector('#items li')?.dataset.id === '{zebra}'");
        Assert.Equal([zebra.ToString(), links[2].ToString(), links[1].ToString(), links[0].ToString()], await RowIdsAsync(page));

        // The site's own reasons, and a message for the commenter that the decision carries.
        await page.ClickAsync($"#items li[data-id='{zebra}']");
        await page.WaitForSelectorAsync($"#item[data-item-id='{zebra}']");
        await page.Keyboard.PressAsync("r");
        await page.WaitForSelectorAsync("#reject-dialog[open]");
        Assert.Equal(["Not in the spirit of the debate"], await page.Locator("#reasons label").EvaluateAllAsync<string[]>("labels => labels.map(l => l.lastChild.textContent)"));
        await page.Keyboard.PressAsync("1");
        await page.FillAsync("#reject-form [name=message]", "Please argue the point, not the person.");
        await page.ClickAsync("#reject-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('item-message').textContent === 'Rejected.'");

        var item = await host.Admin.GetJsonAsync($"/v1/review/items/{zebra}");
        Assert.Equal("rejected", item["status"]!.GetValue<string>());
        Assert.Equal("off-brand", item["review"]!["reason"]!.GetValue<string>());
        Assert.Equal("Please argue the point, not the person.", item["review"]!["messageToAuthor"]!.GetValue<string>());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Approve_all_matching_says_how_many_first_then_approves_them_and_leaves_the_rest()
    {
        var article = $"bulkui-{Guid.NewGuid():N}"[..16];
        var ids = await host.QueueManyAsync(Site, article, 300);
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", await host.CreateModeratorAsync("bulkui", Site));
        await page.FillAsync("#signin-form [name=password]", ReviewHost.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync("#item:not([hidden])");
        Assert.True(await page.IsHiddenAsync("#bulk"), "no bulk action without a filter");

        await page.FillAsync("#filters [name=article]", article);
        await page.Locator("#filters [name=article]").DispatchEventAsync("change");
        await page.WaitForSelectorAsync("#bulk:not([hidden])");
        await page.ClickAsync("#bulk-approve");
        await page.WaitForSelectorAsync("#reject-dialog[open]");
        Assert.Equal("Approve all 300 waiting comment(s) matching the filter", await page.Locator("#reject-title").TextContentAsync());
        await page.ClickAsync("#reject-form button[type=submit]");
        await page.WaitForFunctionAsync("() => /^Approved 30\\d comment/.test(document.getElementById('item-message').textContent)",
            null, new PageWaitForFunctionOptions { Timeout = 60000 });

        var left = (await host.Admin.GetJsonAsync($"/v1/review/sites/{Site}/bulk-count?article={article}"))["count"]!.GetValue<long>();
        Assert.InRange(left, 0, 1); // the one this moderator holds open, if the first claim took one of these
        Assert.Equal("approved", (await host.Admin.GetJsonAsync($"/v1/review/items/{ids[299]}"))["status"]!.GetValue<string>());

        // Taken back within the undo window, from another browser session (the server keeps the bulk's ids): the approvals
        // are rejected, with the reason picked in the dialog.
        await page.WaitForSelectorAsync("#bulk-done:not([hidden]) #bulk-undo:not([hidden])");
        Assert.Contains("undo until", await page.Locator("#bulk-done-text").TextContentAsync(), StringComparison.Ordinal);
        var username = await page.Locator("#who").TextContentAsync();
        await context.CloseAsync();
        context = await browser.NewContextAsync();
        page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", username!.Split(' ')[0]);
        await page.FillAsync("#signin-form [name=password]", ReviewHost.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync("#bulk-done:not([hidden]) #bulk-undo:not([hidden])");
        Assert.Contains("undo until", await page.Locator("#bulk-done-text").TextContentAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#bulk-undo");
        await page.WaitForSelectorAsync("#reject-dialog[open]");
        await page.Keyboard.PressAsync("1");
        await page.ClickAsync("#reject-form button[type=submit]");
        await page.WaitForFunctionAsync("() => /^Undone (299|300)\\b/.test(document.getElementById('bulk-done-text').textContent)",
            null, new PageWaitForFunctionOptions { Timeout = 60000 });
        var undone = await host.Admin.GetJsonAsync($"/v1/review/items/{ids[299]}");
        Assert.Equal("rejected", undone["status"]!.GetValue<string>());
        Assert.Equal("off-brand", undone["review"]!["reason"]!.GetValue<string>());
        Assert.Equal(2, undone["review"]!["sequence"]!.GetValue<long>());
        await context.CloseAsync();
    }
}
