using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

public abstract class ReviewAuditStoreContract : StoreContract
{
    private IReviewAuditStore Store => Stores.ReviewAudit;

    private static ReviewAuditEntry Entry(string siteId, string moderator, DateTimeOffset at) => new(
        Guid.NewGuid(), siteId, Guid.NewGuid(), "article-1", "author-1", moderator, ReviewItemStatus.Rejected,
        "spam", "free text <b>note</b>", ["links.url", "spam.pills"], ["link", "spam"], at);

    private static void AssertSame(ReviewAuditEntry expected, ReviewAuditEntry actual)
    {
        Assert.Equal(expected.Rules, actual.Rules);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected with { Rules = actual.Rules, Categories = actual.Categories }, actual);
    }

    [SkippableFact]
    public async Task An_entry_is_appended_once_and_read_back_whole()
    {
        var site = TestData.NewSite();
        var entry = Entry(site, "ann", TestData.BaseTime);

        Assert.True(await Store.AppendAsync(entry));
        Assert.False(await Store.AppendAsync(entry with { Moderator = "bob" }));

        var page = await Store.QueryAsync(new ReviewAuditQuery([site]));
        AssertSame(entry, Assert.Single(page.Items));
        Assert.Null(page.Next);
    }

    [SkippableFact]
    public async Task Entries_are_newest_first_filtered_by_site_moderator_and_time_and_paged()
    {
        var site = TestData.NewSite();
        var other = TestData.NewSite();
        var entries = Enumerable.Range(0, 5).Select(i => Entry(site, i % 2 == 0 ? "ann" : "bob", TestData.BaseTime.AddMinutes(i))).ToList();
        foreach (var entry in entries)
        {
            await Store.AppendAsync(entry);
        }

        await Store.AppendAsync(Entry(other, "ann", TestData.BaseTime.AddMinutes(10)));

        var first = await Store.QueryAsync(new ReviewAuditQuery([site], Limit: 2));
        var second = await Store.QueryAsync(new ReviewAuditQuery([site], Limit: 2, Before: first.Next));
        var third = await Store.QueryAsync(new ReviewAuditQuery([site], Limit: 2, Before: second.Next));

        var newestFirst = entries.AsEnumerable().Reverse().Select(e => e.Id).ToList();
        Assert.Equal(newestFirst, first.Items.Concat(second.Items).Concat(third.Items).Select(e => e.Id));
        Assert.Null(third.Next);

        var ann = await Store.QueryAsync(new ReviewAuditQuery([site], Moderator: "ann"));
        Assert.Equal([entries[4].Id, entries[2].Id, entries[0].Id], ann.Items.Select(e => e.Id));

        var window = await Store.QueryAsync(new ReviewAuditQuery([site], From: TestData.BaseTime.AddMinutes(1), To: TestData.BaseTime.AddMinutes(3)));
        Assert.Equal([entries[2].Id, entries[1].Id], window.Items.Select(e => e.Id));

        var both = await Store.QueryAsync(new ReviewAuditQuery([site, other]));
        Assert.Equal(6, both.Items.Count);
        Assert.Empty((await Store.QueryAsync(new ReviewAuditQuery([]))).Items);
    }
}
