using Moderation.Contracts;
using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class ReviewQueueStoreContract : StoreContract
{
    private IReviewQueueStore Store => Stores.ReviewQueue;

    private static ReviewItem Item(string siteId, DateTimeOffset queuedAt) =>
        new(TestData.Comment(siteId, queuedAt.AddSeconds(-1)), TestData.Decision(DecisionOutcome.Flag, queuedAt), queuedAt);

    private static void AssertSameItem(ReviewItem expected, ReviewItem? actual)
    {
        Assert.NotNull(actual);
        TestData.AssertSameDecision(expected.Decision, actual.Decision);
        Assert.Equal(expected with { Decision = actual.Decision }, actual);
    }

    [SkippableFact]
    public async Task Add_queues_once_and_a_replay_changes_nothing()
    {
        var item = Item(TestData.NewSite(), TestData.BaseTime);

        Assert.True(await Store.AddAsync(item));
        Assert.False(await Store.AddAsync(item with { QueuedAt = TestData.BaseTime.AddHours(1) }));

        AssertSameItem(item, await Store.GetAsync(item.Comment.Id));
    }

    [SkippableFact]
    public async Task Withdraw_removes_a_pending_item_waiting_or_reported_and_keeps_a_decided_one()
    {
        var site = TestData.NewSite();
        var waiting = Item(site, TestData.BaseTime);
        var reported = Item(site, TestData.BaseTime.AddMinutes(1)) with { Reports = 3 };
        var decided = Item(site, TestData.BaseTime.AddMinutes(2));
        await Store.AddAsync(waiting);
        await Store.RecordReportsAsync(reported);
        await Store.AddAsync(decided);
        var review = TestData.Review(TestData.BaseTime.AddMinutes(5));
        Assert.True(await Store.DecideAsync(decided.Comment.Id, ReviewItemStatus.Approved, review, review.DecidedAt));

        Assert.True(await Store.WithdrawAsync(waiting.Comment.Id));
        Assert.True(await Store.WithdrawAsync(reported.Comment.Id));
        Assert.False(await Store.WithdrawAsync(waiting.Comment.Id));
        Assert.False(await Store.WithdrawAsync(decided.Comment.Id));
        Assert.False(await Store.WithdrawAsync(Guid.NewGuid()));

        Assert.Null(await Store.GetAsync(waiting.Comment.Id));
        Assert.Null(await Store.GetAsync(reported.Comment.Id));
        Assert.Equal(ReviewItemStatus.Approved, (await Store.GetAsync(decided.Comment.Id))!.Status);
        Assert.Equal(0, await Store.CountPendingAsync(site));
    }

    [SkippableFact]
    public async Task Get_returns_null_for_an_unknown_id() => Assert.Null(await Store.GetAsync(Guid.NewGuid()));

    [SkippableFact]
    public async Task Reports_enter_the_reported_view_raise_the_count_only_upwards_and_never_reopen_a_decided_item()
    {
        var site = TestData.NewSite();
        var held = Item(site, TestData.BaseTime);
        await Store.AddAsync(held);
        var reported = Item(site, TestData.BaseTime.AddMinutes(1)) with { Reports = 3 };

        Assert.True(await Store.RecordReportsAsync(reported));
        Assert.False(await Store.RecordReportsAsync(reported with { Reports = 2 }));
        Assert.True(await Store.RecordReportsAsync(reported with { Reports = 5 }));

        var view = await Store.QueryPendingAsync(new ReviewQueueQuery(site, Reported: true));
        Assert.Equal(reported.Comment.Id, Assert.Single(view).Comment.Id);
        Assert.Equal(5, view[0].Reports);
        Assert.Equal(held.Comment.Id, Assert.Single(await Store.QueryPendingAsync(new ReviewQueueQuery(site, Reported: false))).Comment.Id);
        Assert.Equal(2, (await Store.QueryPendingAsync(new ReviewQueueQuery(site))).Count);

        Assert.True(await Store.DecideAsync(
            reported.Comment.Id, ReviewItemStatus.Approved, new ModeratorDecision("mod", null, TestData.BaseTime.AddMinutes(2)), TestData.BaseTime.AddMinutes(2)));
        Assert.False(await Store.RecordReportsAsync(reported with { Reports = 9 }));
        Assert.Empty(await Store.QueryPendingAsync(new ReviewQueueQuery(site, Reported: true)));
    }

    [SkippableFact]
    public async Task Pending_items_of_one_site_are_listed_oldest_queued_first_up_to_the_limit()
    {
        var site = TestData.NewSite();
        var items = new[] { 3, 1, 2, 0 }.Select(minutes => Item(site, TestData.BaseTime.AddMinutes(minutes))).ToList();
        foreach (var item in items)
        {
            await Store.AddAsync(item);
        }

        await Store.AddAsync(Item(TestData.NewSite(), TestData.BaseTime.AddMinutes(-10)));

        var firstThree = await Store.ListPendingAsync(site, 3);
        var all = await Store.ListPendingAsync(site, 50);

        Assert.Equal(items.OrderBy(i => i.QueuedAt).Take(3).Select(i => i.Comment.Id), firstThree.Select(i => i.Comment.Id));
        Assert.Equal(4, all.Count);
        Assert.All(all, item => Assert.Equal(site, item.Comment.SiteId));
    }

    [SkippableFact]
    public async Task A_decided_item_leaves_the_pending_list_and_keeps_the_first_decision()
    {
        var site = TestData.NewSite();
        var item = Item(site, TestData.BaseTime);
        await Store.AddAsync(item);
        var review = TestData.Review(TestData.BaseTime.AddMinutes(3));

        Assert.True(await Store.DecideAsync(item.Comment.Id, ReviewItemStatus.Approved, review, review.DecidedAt));
        Assert.False(await Store.DecideAsync(item.Comment.Id, ReviewItemStatus.Rejected, review with { ModeratorId = "other" }, review.DecidedAt));

        Assert.Empty(await Store.ListPendingAsync(site, 10));
        AssertSameItem(item with { Status = ReviewItemStatus.Approved, Review = review }, await Store.GetAsync(item.Comment.Id));
    }

    [SkippableFact]
    public async Task Decide_refuses_pending_as_a_decision()
    {
        var item = Item(TestData.NewSite(), TestData.BaseTime);
        await Store.AddAsync(item);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.DecideAsync(item.Comment.Id, ReviewItemStatus.Pending, TestData.Review(TestData.BaseTime), TestData.BaseTime));
    }

    [SkippableFact]
    public async Task Times_in_the_item_are_truncated_to_milliseconds()
    {
        var precise = TestData.BaseTime.AddTicks(4321);
        var item = Item(TestData.NewSite(), precise);
        await Store.AddAsync(item);

        var stored = await Store.GetAsync(item.Comment.Id);

        var expected = item with
        {
            QueuedAt = TestData.BaseTime,
            Comment = item.Comment with { SubmittedAt = TestData.Truncated(item.Comment.SubmittedAt) },
            Decision = item.Decision with { DecidedAt = TestData.BaseTime },
        };
        AssertSameItem(expected, stored);
    }

    [SkippableFact]
    public async Task The_decision_and_its_audit_entry_are_one_write_and_the_entry_travels_with_the_unsent_item()
    {
        var item = Item(TestData.NewSite(), TestData.BaseTime);
        await Store.AddAsync(item);
        var review = TestData.Review(TestData.BaseTime.AddMinutes(3));
        var entry = new ReviewAuditEntry(
            Guid.NewGuid(), item.Comment.SiteId, item.Comment.Id, item.Comment.ArticleId, item.Comment.Author.Id, review.ModeratorId,
            ReviewItemStatus.Rejected, "spam", "a note", ["link.any"], ["link"], review.DecidedAt);
        var losing = entry with { Id = Guid.NewGuid(), Moderator = "other", Outcome = ReviewItemStatus.Approved };

        Assert.True(await Store.DecideAsync(item.Comment.Id, ReviewItemStatus.Rejected, review, review.DecidedAt, entry));
        Assert.False(await Store.DecideAsync(item.Comment.Id, ReviewItemStatus.Approved, review with { ModeratorId = "other" }, review.DecidedAt, losing));

        AssertSameAudit(entry, (await Store.GetAsync(item.Comment.Id))!.Audit);
        var unsent = Assert.Single(await Store.ListUnsentDecisionsAsync(1000), i => i.Comment.Id == item.Comment.Id);
        AssertSameAudit(entry, unsent.Audit);
    }

    [SkippableFact]
    public async Task Prune_deletes_only_decided_items_whose_event_was_sent_and_that_are_older_than_the_cutoff()
    {
        var site = TestData.NewSite();
        var pending = Item(site, TestData.BaseTime);
        var oldSent = Item(site, TestData.BaseTime);
        var oldUnsent = Item(site, TestData.BaseTime);
        var recentSent = Item(site, TestData.BaseTime);
        foreach (var item in new[] { pending, oldSent, oldUnsent, recentSent })
        {
            await Store.AddAsync(item);
        }

        var old = TestData.Review(TestData.BaseTime.AddDays(1));
        var recent = TestData.Review(TestData.BaseTime.AddDays(40));
        await Store.DecideAsync(oldSent.Comment.Id, ReviewItemStatus.Approved, old, old.DecidedAt);
        await Store.DecideAsync(oldUnsent.Comment.Id, ReviewItemStatus.Rejected, old, old.DecidedAt);
        await Store.DecideAsync(recentSent.Comment.Id, ReviewItemStatus.Rejected, recent, recent.DecidedAt);
        await Store.MarkDecisionSentAsync(oldSent.Comment.Id);
        await Store.MarkDecisionSentAsync(recentSent.Comment.Id);

        Assert.True(await Store.PruneDecidedAsync(TestData.BaseTime.AddDays(30)) >= 1);

        Assert.Null(await Store.GetAsync(oldSent.Comment.Id));
        Assert.NotNull(await Store.GetAsync(oldUnsent.Comment.Id));
        Assert.NotNull(await Store.GetAsync(recentSent.Comment.Id));
        Assert.Equal(ReviewItemStatus.Pending, (await Store.GetAsync(pending.Comment.Id))!.Status);
        Assert.Equal(1, await Store.CountPendingAsync(site));
    }

    private static void AssertSameAudit(ReviewAuditEntry expected, ReviewAuditEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Rules, actual.Rules);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected with { Rules = actual.Rules, Categories = actual.Categories }, actual);
    }

    [SkippableFact]
    public async Task Pending_items_are_counted_per_category_rule_and_article_each_item_once_per_key()
    {
        var site = TestData.NewSite();
        var pills = Item(site, TestData.BaseTime); // two spam hits: spam.pills and links
        var insult = Item(site, TestData.BaseTime.AddMinutes(1));
        insult = insult with
        {
            Comment = insult.Comment with { ArticleId = "article-2" },
            Decision = insult.Decision with { Hits = [new RuleHit("insult.person", "insult", "medium", 0, 3, "Buy")] },
        };
        var decided = Item(site, TestData.BaseTime.AddMinutes(-5));
        foreach (var item in new[] { pills, insult, decided })
        {
            await Store.AddAsync(item);
        }

        await Store.DecideAsync(decided.Comment.Id, ReviewItemStatus.Approved, TestData.Review(TestData.BaseTime), TestData.BaseTime);
        await Store.AddAsync(Item(TestData.NewSite(), TestData.BaseTime.AddMinutes(-10)));

        var counts = await Store.CountPendingByAsync(site);
        var empty = await Store.CountPendingByAsync(TestData.NewSite());

        Assert.Equal(2, counts.Pending);
        Assert.Equal(TestData.BaseTime, counts.OldestQueuedAt);
        Assert.Equal([new ReviewQueueCount("insult", 1), new ReviewQueueCount("spam", 1)], counts.Categories);
        Assert.Equal([new ReviewQueueCount("insult.person", 1), new ReviewQueueCount("links", 1), new ReviewQueueCount("spam.pills", 1)], counts.Rules);
        Assert.Equal([new ReviewQueueCount("article-1", 1), new ReviewQueueCount("article-2", 1)], counts.Articles);
        Assert.Equal(0, empty.Pending);
        Assert.Null(empty.OldestQueuedAt);
        Assert.Empty(empty.Categories);
    }

    [SkippableFact]
    public async Task The_rule_and_text_filters_match_literally_and_newest_first_reverses_the_order()
    {
        var site = TestData.NewSite();
        var pills = Item(site, TestData.BaseTime);
        var regexLike = Item(site, TestData.BaseTime.AddMinutes(1));
        regexLike = regexLike with
        {
            Comment = regexLike.Comment with { Body = "Is (a+b) really x.y?", Author = new CommentAuthor("author-2", "Zoë WEBER") },
            Decision = regexLike.Decision with { Hits = [new RuleHit("insult.person", "insult", "medium", 0, 2, "Is")] },
        };
        await Store.AddAsync(pills);
        await Store.AddAsync(regexLike);

        async Task<List<Guid>> IdsAsync(ReviewQueueQuery query) => [.. (await Store.QueryPendingAsync(query)).Select(item => item.Comment.Id)];

        Assert.Equal([pills.Comment.Id], await IdsAsync(new ReviewQueueQuery(site, Rule: "spam.pills")));
        Assert.Equal([regexLike.Comment.Id], await IdsAsync(new ReviewQueueQuery(site, Rule: "insult.person")));
        Assert.Equal([regexLike.Comment.Id], await IdsAsync(new ReviewQueueQuery(site, Text: "(A+B)")));
        Assert.Equal([regexLike.Comment.Id], await IdsAsync(new ReviewQueueQuery(site, Text: "weber")));
        Assert.Equal([pills.Comment.Id], await IdsAsync(new ReviewQueueQuery(site, Text: "CHEAP")));
        Assert.Empty(await IdsAsync(new ReviewQueueQuery(site, Text: "x*y")));
        Assert.Empty(await IdsAsync(new ReviewQueueQuery(site, Text: "cheap", Rule: "insult.person")));
        Assert.Equal([regexLike.Comment.Id, pills.Comment.Id], await IdsAsync(new ReviewQueueQuery(site, Order: ReviewQueueOrder.NewestFirst)));
        Assert.Equal(regexLike.Comment.Id, (await Store.ClaimNextAsync(new ReviewQueueQuery(site, Text: "x.y"), "m", TestData.BaseTime, TimeSpan.FromMinutes(1)))!.Comment.Id);
    }
}
