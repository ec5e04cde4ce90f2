using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Storage.Review;

namespace Moderation.Review.Tests.Browser;

/// <summary>
/// Leases as the console sees them (renewed at a third of their length; a lapsed one is free, a held one is taken) and
/// the audit log's comment column and local date filters, in Chromium.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class LeaseAndAuditBrowserTests(ReviewHost host, BrowserFixture browser)
{
    private static async Task<IPage> SignInAsync(IBrowserContext context, ReviewHost host, string moderator, Func<IPage, Task>? before = null)
    {
        var page = await context.NewPageAsync();
        if (before is not null)
        {
            await before(page);
        }

        await page.GotoAsync(new Uri(host.Host.Address, "/").ToString());
        await page.FillAsync("#signin-form [name=username]", moderator);
        await page.FillAsync("#signin-form [name=password]", ReviewHost.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        return page;
    }

    [Fact]
    public async Task The_open_item_is_renewed_once_a_third_of_its_lease_has_passed_a_lapsed_lease_is_free_and_a_held_one_taken()
    {
        const string Site = "browser-leases";
        var article = $"leases-{Guid.NewGuid():N}"[..16];
        var queue = host.Host.Services.GetRequiredService<IReviewQueueStore>();
        var now = DateTimeOffset.UtcNow;
        var lapsed = await AddLeasedAsync(queue, Site, article, "Lapsed lease https://example.org/lapsed", now.AddMinutes(-3), new ReviewLease("someone-gone", now.AddMinutes(-1)));
        var held = await AddLeasedAsync(queue, Site, article, "Held lease https://example.org/held", now.AddMinutes(-2), new ReviewLease("someone-busy", now.AddMinutes(10)));

        var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, host, await host.CreateModeratorAsync("leases", Site), page => page.Clock.InstallAsync());

        // The lapsed item is the first free one: offered, not marked taken; the held one is marked and j skips it.
        await page.WaitForSelectorAsync($"#item[data-item-id='{lapsed}']");
        await page.WaitForSelectorAsync($"#items li[data-id='{held}'].taken");
        Assert.False(await page.Locator($"#items li[data-id='{lapsed}']").EvaluateAsync<bool>("li => li.classList.contains('taken')"));
        Assert.Contains("someone-busy", await page.Locator($"#items li[data-id='{held}']").TextContentAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("j");
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(lapsed.ToString(), await page.GetAttributeAsync("#item", "data-item-id"));

        // Review:LeaseDuration is 5 minutes here: no renewal at 90 s, one by 101 s (a third), long before half (150 s).
        var renewals = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith($"/items/{lapsed}/claim", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref renewals);
            }
        };
        await page.Clock.FastForwardAsync("01:30");
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, Volatile.Read(ref renewals));
        var renewed = page.WaitForResponseAsync(response => response.Url.EndsWith($"/items/{lapsed}/claim", StringComparison.Ordinal));
        await page.Clock.FastForwardAsync("00:11");
        Assert.Equal(200, (await renewed).Status);
        Assert.Equal(1, Volatile.Read(ref renewals));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_audit_shows_each_rows_own_comment_and_reads_its_date_filters_as_local_days()
    {
        const string Site = "browser-audit";
        var article = $"audit-{Guid.NewGuid():N}"[..16];
        var moderator = await host.CreateModeratorAsync("auditor", Site);
        var ids = new List<Guid>();
        using (var api = await host.SignInAsync(moderator))
        {
            for (var i = 0; i < 3; i++)
            {
                var body = $"Audited {i} https://example.org/audit/{i}";
                var id = await host.QueueOneAsync(Site, article, body, new CommentAuthor($"audited-{i}", "Audited"), [new RuleHit("link.any", "link", "low", body.IndexOf("https", StringComparison.Ordinal), 10, "https://ex")]);
                await api.PostJsonAsync($"/v1/review/items/{id}/approve", new { });
                ids.Add(id);
            }
        }

        // Far east of UTC (UTC+14), where a local day starts ten hours before the UTC one.
        var context = await browser.NewContextAsync("Pacific/Kiritimati");
        var page = await SignInAsync(context, host, moderator);
        await page.WaitForSelectorAsync("#queue-view:not([hidden])");
        await page.ClickAsync(".tab[data-view=audit]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#audit-rows tr').length === 3");
        var shownIds = await page.Locator("#audit-rows tr td:last-child code").AllTextContentsAsync();
        Assert.Equal(ids.AsEnumerable().Reverse().Select(id => id.ToString()), shownIds);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(14)).Date;
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.FillAsync("#audit-filters [name=from]", day);
        await page.FillAsync("#audit-filters [name=to]", day);
        var request = page.WaitForRequestAsync(r => r.Url.Contains("/v1/review/audit?", StringComparison.Ordinal) && r.Url.Contains("from=", StringComparison.Ordinal));
        await page.ClickAsync("#audit-filters button[type=submit]");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri((await request).Url).Query);
        Assert.Equal(new DateTimeOffset(today, TimeSpan.FromHours(14)).UtcDateTime, DateTimeOffset.Parse(query["from"]!, CultureInfo.InvariantCulture).UtcDateTime);
        Assert.Equal(new DateTimeOffset(today.AddDays(1), TimeSpan.FromHours(14)).UtcDateTime, DateTimeOffset.Parse(query["to"]!, CultureInfo.InvariantCulture).UtcDateTime);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#audit-rows tr').length === 3");
        await context.CloseAsync();
    }

    private static async Task<Guid> AddLeasedAsync(IReviewQueueStore queue, string site, string article, string body, DateTimeOffset at, ReviewLease lease)
    {
        var id = MassTransit.NewId.NextGuid();
        var link = body.IndexOf("https", StringComparison.Ordinal);
        Assert.True(await queue.AddAsync(new ReviewItem(
            new Comment(id, site, article, new CommentAuthor($"author-{id:N}"[..16], "Leased Author"), body, null, at),
            new ModerationDecision(DecisionOutcome.Flag, 1, [new RuleHit("link.any", "link", "low", link, body.Length - link, body[link..])], "test", at),
            at,
            Lease: lease)));
        return id;
    }
}
