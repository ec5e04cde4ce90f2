using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Review.Tests.Browser;

/// <summary>The Decided and Reported queues of the console, in Chromium, on the composed host (Publishing shows the result).</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class DecidedBrowserTests(ReviewHost host, BrowserFixture browser)
{
    private const string Site = "browser-decided";

    [Fact]
    public async Task Decided_queue_undoes_a_rejection_and_takes_down_an_approval_and_the_reported_queue_lists_reported_comments()
    {
        var article = $"decided-{Guid.NewGuid():N}"[..16];
        var first = await host.SubmitFlaggedAsync(Site, article, "First, to approve: https://example.org/decided/1", authorId: "dec-1");
        var second = await host.SubmitFlaggedAsync(Site, article, "Second, to reject: https://example.org/decided/2", authorId: "dec-2");
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", await host.CreateModeratorAsync("decider", Site));
        await page.FillAsync("#signin-form [name=password]", ReviewHost.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync($"#item[data-item-id='{first}']");
        await page.Keyboard.PressAsync("a");
        await page.WaitForSelectorAsync($"#item[data-item-id='{second}']");
        await page.Keyboard.PressAsync("r");
        await page.WaitForSelectorAsync("#reject-dialog[open]");
        await page.Keyboard.PressAsync("1");
        await page.ClickAsync("#reject-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('item-message').textContent === 'Rejected.'");

        // Newest decision first; the rejection can be undone, the approval taken down.
        await page.ClickAsync("#queues [data-queue=decided]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#decided-items li[data-id]').length === 2");
        Assert.True(await page.IsHiddenAsync("#items-scroll"), "the waiting list gives way to the decided one");
        Assert.Equal(
            [second.ToString(), first.ToString()],
            await page.Locator("#decided-items li[data-id]").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.id)"));
        Assert.Equal("rejected", await page.GetAttributeAsync($"#decided-items li[data-id='{second}']", "data-status"));

        var site = host.Site(Site);
        await page.ClickAsync($"#decided-items li[data-id='{second}'] [data-action=undo-approve]");
        await page.WaitForFunctionAsync("() => document.getElementById('decided-message').textContent === 'Undone: the comment is published.'");
        await page.WaitForSelectorAsync($"#decided-items li[data-id='{second}'][data-status=approved]");
        await Eventually.MatchesAsync(
            () => site.ListAsync(article, "?limit=100"),
            list => list["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToHashSet().SetEquals([first, second]),
            "both comments published");

        await page.ClickAsync($"#decided-items li[data-id='{first}'] [data-action=take-down]");
        await page.WaitForSelectorAsync("#reject-dialog[open]");
        await page.Keyboard.PressAsync("1");
        await page.ClickAsync("#reject-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('decided-message').textContent === 'Taken down.'");
        await page.WaitForSelectorAsync($"#decided-items li[data-id='{first}'][data-status=rejected]");
        await Eventually.MatchesAsync(
            () => site.ListAsync(article, "?limit=100"),
            list => list["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToHashSet().SetEquals([second]),
            "the approval taken down, the undone rejection still published");
        var audit = (await host.Admin.GetJsonAsync($"/v1/review/audit?site={Site}&limit=50"))["items"]!.AsArray();
        Assert.Equal(2, audit.Count(e => e!["commentId"]!.GetValue<Guid>() == first));

        // The Reported queue lists only what readers reported, with how many did.
        var reported = await ReportedAsync(article);
        await page.ClickAsync("#queues [data-queue=reported]");
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#items li')].map(li => li.dataset.id).join() === '{reported}'");
        Assert.Equal("reported by 2", await page.Locator($"#items li[data-id='{reported}'] .chip.reported").TextContentAsync());
        await page.WaitForSelectorAsync($"#item[data-item-id='{reported}']");
        await page.ClickAsync("#queues [data-queue=all]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#items li').length >= 1 && !document.getElementById('items-scroll').hidden");
        await context.CloseAsync();
    }

    /// <summary>A published comment two readers reported, as the Review service's reported-comment consumer records it.</summary>
    private async Task<Guid> ReportedAsync(string article)
    {
        var queue = host.Host.Services.GetRequiredService<IReviewQueueStore>();
        var now = DateTimeOffset.UtcNow;
        var id = MassTransit.NewId.NextGuid();
        var comment = new Comment(id, Site, article, new CommentAuthor("reported-1", "Reported Reader"), "Readers did not like this one", null, now);
        Assert.True(await queue.RecordReportsAsync(new ReviewItem(
            comment, new ModerationDecision(DecisionOutcome.Approve, 0, [], "test", now), now, Reports: 2)));
        return id;
    }
}
