using Microsoft.Playwright;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Browser;

/// <summary>The console's Desk page (service level, moderators, rule quality), in Chromium.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class DeskBrowserTests(ReviewHost host, BrowserFixture browser)
{
    private const string Site = "browser-desk";

    [Fact]
    public async Task Desk_page_shows_each_moderators_decisions_and_which_rule_moderators_overturned_with_the_comments()
    {
        var article = $"deskui-{Guid.NewGuid():N}"[..16];
        var submitted = DateTimeOffset.UtcNow.AddMinutes(-5);
        const string approvedBody = "A perfectly fine link https://example.org/fine";
        var approved = await host.QueueOneAsync(Site, article, approvedBody, new CommentAuthor("fine", "Fine Reader"),
            [new RuleHit("link.any", "link", "low", 22, 24, "https://example.org/fine")], submitted);
        var rejected = await host.QueueOneAsync(Site, article, "Spam link https://example.org/spam", new CommentAuthor("spam", "Spammer"),
            [new RuleHit("link.any", "link", "low", 10, 24, "https://example.org/spam")], submitted);
        var moderator = await host.CreateModeratorAsync("deskui", Site);
        using (var api = await host.SignInAsync(moderator))
        {
            await api.PostJsonAsync($"/v1/review/items/{approved}/approve", new { });
            await api.PostJsonAsync($"/v1/review/items/{rejected}/reject", new { reason = "spam" });
        }

        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", moderator);
        await page.FillAsync("#signin-form [name=password]", ReviewHost.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync("#queue-view:not([hidden])");
        await page.ClickAsync(".tab[data-view=desk]");

        var row = $"#desk-moderators tr[data-moderator='{moderator}']";
        await page.WaitForSelectorAsync(row);
        Assert.Equal("2", await page.Locator($"{row} td:nth-child(2)").TextContentAsync());
        Assert.Equal("2", await page.Locator("#desk-queues tr[data-queue=flagged] td:nth-child(2)").TextContentAsync());
        Assert.EndsWith("min", await page.Locator("#desk-queues tr[data-queue=flagged] td:nth-child(3)").TextContentAsync(), StringComparison.Ordinal);

        var rule = "#desk-rules section[data-days='7'] tr[data-rule='link.any']";
        Assert.Equal("50%", await page.Locator($"{rule} .rate").TextContentAsync());
        await page.ClickAsync($"{rule} summary");
        Assert.Equal(approvedBody, await page.Locator($"{rule} li[data-id='{approved}'] .body").TextContentAsync());
        Assert.Equal(0, await page.Locator($"{rule} li[data-id='{rejected}']").CountAsync());
        await context.CloseAsync();
    }
}
