using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Storage.Activity;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Review.Tests.Browser;

/// <summary>The author panel in Chromium: counts, history past twenty, a note, and a ban the worker then holds.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class AuthorBrowserTests(ReviewHost host, BrowserFixture browser)
{
    private const string Site = "browser-author";

    [Fact]
    public async Task The_panel_shows_counts_pages_history_keeps_a_note_and_a_ban_reaches_the_worker()
    {
        var author = $"panel-{Guid.NewGuid():N}"[..16];
        var log = host.Host.Services.GetRequiredService<IReviewCommentLogStore>();
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        for (var i = 0; i < 25; i++)
        {
            await log.RecordAsync(new ReviewComment(
                Guid.NewGuid(), Site, "old-story", author, "Pat", $"Earlier comment {i}", null, start.AddHours(i), i < 2 ? ReviewCommentOutcome.Rejected : ReviewCommentOutcome.Approved));
        }

        const string body = "See https://example.org/panel for more";
        var id = await host.QueueOneAsync(Site, "panel-story", body, new CommentAuthor(author, "Pat"),
            [new RuleHit("link.any", "link", "low", 4, 26, "https://example.org/panel")]);

        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", await host.CreateModeratorAsync("panel", Site));
        await page.FillAsync("#signin-form [name=password]", ReviewHost.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync($"#item[data-item-id='{id}']");

        await page.WaitForFunctionAsync("() => document.getElementById('author-counts').textContent === '23 approved · 2 rejected · 0 flagged'");
        Assert.True(await page.IsDisabledAsync("#trust"), "a rejection three days ago rules trust out");
        Assert.Equal(20, await page.Locator("#item-history li").CountAsync());
        await page.ClickAsync("#history-more");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#item-history li').length === 25");
        Assert.True(await page.IsHiddenAsync("#history-more"));

        await page.FillAsync("#note-form [name=note]", "Links to own blog; warned once.");
        await page.ClickAsync("#note-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('author-notes').textContent.includes('Links to own blog; warned once.')");

        await page.SelectOptionAsync("#ban-days", "7");
        await page.ClickAsync("#ban");
        await page.WaitForFunctionAsync("() => document.getElementById('author-standing').dataset.standing === 'banned'");
        Assert.Contains("until", await page.Locator("#author-standing").TextContentAsync());

        var held = await Eventually.MatchesAsync(
            () => host.Host.Services.GetRequiredService<IAuthorStandingStore>().GetAsync(Site, author),
            record => record?.Standing == AuthorStanding.Banned,
            "the worker to hold the ban");
        Assert.InRange(held!.Until!.Value - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        await context.CloseAsync();
    }
}
