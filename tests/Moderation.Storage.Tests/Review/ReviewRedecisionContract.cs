using Moderation.Contracts;
using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

/// <summary>
/// Re-deciding a decided item (<see cref="IReviewQueueStore.RedecideAsync"/>) and the decided queue
/// (<see cref="IReviewQueueStore.QueryDecidedAsync"/>), the same on every provider.
/// </summary>
public abstract class ReviewRedecisionContract : StoreContract
{
    private IReviewQueueStore Store => Stores.ReviewQueue;

    private async Task<ReviewItem> DecidedAsync(string siteId, int minutes, ReviewItemStatus status, bool sent = true)
    {
        var at = TestData.BaseTime.AddMinutes(minutes);
        var item = new ReviewItem(TestData.Comment(siteId, at), TestData.Decision(DecisionOutcome.Flag, at), at);
        await Store.AddAsync(item);
        Assert.True(await Store.DecideAsync(item.Comment.Id, status, TestData.Review(at) with { ModeratorId = "ann" }, at, Audit(item, "ann", status, at)));
        if (sent)
        {
            Assert.True(await Store.MarkDecisionSentAsync(item.Comment.Id));
        }

        return item;
    }

    private static ReviewAuditEntry Audit(ReviewItem item, string moderator, ReviewItemStatus status, DateTimeOffset at) => new(
        Guid.NewGuid(), item.Comment.SiteId, item.Comment.Id, item.Comment.ArticleId, item.Comment.Author.Id, moderator, status,
        "spam", null, ["rule-a"], ["link"], at);

    [SkippableFact]
    public async Task A_re_decision_replaces_the_decision_it_expects_once_and_marks_its_event_unsent()
    {
        var item = await DecidedAsync(TestData.NewSite(), 0, ReviewItemStatus.Approved);
        var at = TestData.BaseTime.AddMinutes(5);
        var takedown = new ModeratorDecision("bob", "spam", at, Sequence: 2, TakesDown: true);

        Assert.False(await Store.RedecideAsync(item.Comment.Id, ReviewItemStatus.Rejected, takedown, expectedSequence: 2, Audit(item, "bob", ReviewItemStatus.Rejected, at)));
        Assert.True(await Store.RedecideAsync(item.Comment.Id, ReviewItemStatus.Rejected, takedown, expectedSequence: 1, Audit(item, "bob", ReviewItemStatus.Rejected, at)));

        var stored = (await Store.GetAsync(item.Comment.Id))!;
        Assert.Equal(ReviewItemStatus.Rejected, stored.Status);
        Assert.Equal(2, stored.Review!.Sequence);
        Assert.True(stored.Review.TakesDown);
        Assert.Equal("bob", stored.Review.ModeratorId);
        Assert.Equal("bob", stored.Audit!.Moderator);
        Assert.Contains(await Store.ListUnsentDecisionsAsync(1000), unsent => unsent.Comment.Id == item.Comment.Id);

        // The same expectation again, before or after the new event is sent, changes nothing.
        var again = new ModeratorDecision("cy", null, at, Sequence: 2);
        Assert.False(await Store.RedecideAsync(item.Comment.Id, ReviewItemStatus.Approved, again, 1, Audit(item, "cy", ReviewItemStatus.Approved, at)));
        Assert.True(await Store.MarkDecisionSentAsync(item.Comment.Id));
        Assert.False(await Store.RedecideAsync(item.Comment.Id, ReviewItemStatus.Approved, again, 1, Audit(item, "cy", ReviewItemStatus.Approved, at)));
        Assert.Equal("bob", (await Store.GetAsync(item.Comment.Id))!.Review!.ModeratorId);
    }

    [SkippableFact]
    public async Task A_pending_item_an_unknown_one_and_one_whose_event_is_unsent_are_not_re_decided()
    {
        var site = TestData.NewSite();
        var at = TestData.BaseTime;
        var pending = new ReviewItem(TestData.Comment(site, at), TestData.Decision(DecisionOutcome.Flag, at), at);
        await Store.AddAsync(pending);
        var unsent = await DecidedAsync(site, 1, ReviewItemStatus.Rejected, sent: false);
        var next = new ModeratorDecision("bob", null, at, Sequence: 2);

        Assert.False(await Store.RedecideAsync(pending.Comment.Id, ReviewItemStatus.Approved, next, 1, Audit(pending, "bob", ReviewItemStatus.Approved, at)));
        Assert.False(await Store.RedecideAsync(Guid.NewGuid(), ReviewItemStatus.Approved, next, 1, Audit(pending, "bob", ReviewItemStatus.Approved, at)));
        Assert.False(await Store.RedecideAsync(unsent.Comment.Id, ReviewItemStatus.Approved, next, 1, Audit(unsent, "bob", ReviewItemStatus.Approved, at)));
        Assert.Equal(ReviewItemStatus.Pending, (await Store.GetAsync(pending.Comment.Id))!.Status);
        Assert.Equal(ReviewItemStatus.Rejected, (await Store.GetAsync(unsent.Comment.Id))!.Status);
    }

    [SkippableFact]
    public async Task Twenty_pairs_of_re_decisions_at_once_each_record_exactly_one()
    {
        var site = TestData.NewSite();
        var items = new List<ReviewItem>();
        for (var i = 0; i < 20; i++)
        {
            items.Add(await DecidedAsync(site, i, ReviewItemStatus.Approved));
        }

        var at = TestData.BaseTime.AddHours(1);
        var results = await Task.WhenAll(items.SelectMany(item => new[]
        {
            Store.RedecideAsync(item.Comment.Id, ReviewItemStatus.Rejected, new ModeratorDecision("bob", "spam", at, 2, TakesDown: true), 1, Audit(item, "bob", ReviewItemStatus.Rejected, at)),
            Store.RedecideAsync(item.Comment.Id, ReviewItemStatus.Approved, new ModeratorDecision("cy", null, at, 2), 1, Audit(item, "cy", ReviewItemStatus.Approved, at)),
        }));

        for (var i = 0; i < items.Count; i++)
        {
            Assert.True(results[2 * i] ^ results[(2 * i) + 1], $"exactly one re-decision of item {i} wins");
            var stored = (await Store.GetAsync(items[i].Comment.Id))!;
            Assert.Equal(results[2 * i] ? "bob" : "cy", stored.Review!.ModeratorId);
            Assert.Equal(results[2 * i] ? ReviewItemStatus.Rejected : ReviewItemStatus.Approved, stored.Status);
        }
    }

    [SkippableFact]
    public async Task The_decided_queue_lists_a_sites_decided_items_newest_decision_first_by_outcome_and_page()
    {
        var site = TestData.NewSite();
        var approved = await DecidedAsync(site, 1, ReviewItemStatus.Approved);
        var rejected = await DecidedAsync(site, 2, ReviewItemStatus.Rejected);
        var later = await DecidedAsync(site, 3, ReviewItemStatus.Approved, sent: false);
        await Store.AddAsync(new ReviewItem(TestData.Comment(site, TestData.BaseTime), TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime), TestData.BaseTime));
        await DecidedAsync(TestData.NewSite(), 4, ReviewItemStatus.Approved);

        var all = await Store.QueryDecidedAsync(site, null, 0, 10);
        Assert.Equal([later.Comment.Id, rejected.Comment.Id, approved.Comment.Id], all.Select(i => i.Comment.Id));
        Assert.Equal([later.Comment.Id, approved.Comment.Id], (await Store.QueryDecidedAsync(site, ReviewItemStatus.Approved, 0, 10)).Select(i => i.Comment.Id));
        Assert.Equal([rejected.Comment.Id], (await Store.QueryDecidedAsync(site, ReviewItemStatus.Rejected, 0, 10)).Select(i => i.Comment.Id));
        Assert.Equal([rejected.Comment.Id], (await Store.QueryDecidedAsync(site, null, 1, 1)).Select(i => i.Comment.Id));
        Assert.Empty(await Store.QueryDecidedAsync(site, null, 3, 10));

        // A re-decision moves the item to the top: its decision is now the newest.
        Assert.True(await Store.RedecideAsync(
            approved.Comment.Id, ReviewItemStatus.Rejected, new ModeratorDecision("bob", "spam", TestData.BaseTime.AddMinutes(10), 2, TakesDown: true), 1,
            Audit(approved, "bob", ReviewItemStatus.Rejected, TestData.BaseTime.AddMinutes(10))));
        var after = await Store.QueryDecidedAsync(site, null, 0, 10);
        Assert.Equal([approved.Comment.Id, later.Comment.Id, rejected.Comment.Id], after.Select(i => i.Comment.Id));
        Assert.Equal(ReviewItemStatus.Rejected, after[0].Status);
        Assert.Equal(2, after[0].Review!.Sequence);
    }
}
