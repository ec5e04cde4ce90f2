using Microsoft.Extensions.Time.Testing;
using Moderation.Contracts;
using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

/// <summary>Leases: who may claim which pending item, and when a lease lapses. Time comes from a fake clock.</summary>
public abstract class ReviewLeaseContract : StoreContract
{
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _clock = new(TestData.BaseTime);

    private IReviewQueueStore Store => Stores.ReviewQueue;

    private async Task<ReviewItem> QueueAsync(string siteId, int minutes, double score = 0.5, string category = "link", string article = "article-1", string author = "author-1")
    {
        var queuedAt = TestData.BaseTime.AddMinutes(minutes);
        var comment = TestData.Comment(siteId, queuedAt) with { ArticleId = article, Author = new CommentAuthor(author, "Ada") };
        var decision = TestData.Decision(DecisionOutcome.Flag, queuedAt) with
        {
            Score = score,
            Hits = [new RuleHit("rule-" + category, category, "medium", 0, 3, "Buy")],
        };
        var item = new ReviewItem(comment, decision, queuedAt);
        await Store.AddAsync(item);
        return item;
    }

    [SkippableFact]
    public async Task Two_moderators_claiming_next_get_different_items_and_a_third_gets_none()
    {
        var site = TestData.NewSite();
        var first = await QueueAsync(site, 1);
        var second = await QueueAsync(site, 2);
        var query = new ReviewQueueQuery(site);

        var ann = await Store.ClaimNextAsync(query, "ann", _clock.GetUtcNow(), LeaseFor);
        var bob = await Store.ClaimNextAsync(query, "bob", _clock.GetUtcNow(), LeaseFor);
        var cy = await Store.ClaimNextAsync(query, "cy", _clock.GetUtcNow(), LeaseFor);

        Assert.Equal(first.Comment.Id, ann!.Comment.Id);
        Assert.Equal(new ReviewLease("ann", TestData.BaseTime + LeaseFor), ann.Lease);
        Assert.Equal(second.Comment.Id, bob!.Comment.Id);
        Assert.Null(cy);
    }

    [SkippableFact]
    public async Task Concurrent_claims_never_hand_out_one_item_twice()
    {
        var site = TestData.NewSite();
        for (var i = 0; i < 5; i++)
        {
            await QueueAsync(site, i);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(
            i => Store.ClaimNextAsync(new ReviewQueueQuery(site), $"moderator-{i}", _clock.GetUtcNow(), LeaseFor)));

        var won = claims.Where(c => c is not null).Select(c => c!.Comment.Id).ToList();
        Assert.Equal(5, won.Count);
        Assert.Equal(5, won.Distinct().Count());
    }

    [SkippableFact]
    public async Task A_held_item_is_refused_to_others_renewed_by_its_holder_and_claimable_once_lapsed()
    {
        var site = TestData.NewSite();
        var item = await QueueAsync(site, 0);

        Assert.NotNull(await Store.ClaimAsync(item.Comment.Id, "ann", _clock.GetUtcNow(), LeaseFor));
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(await Store.ClaimAsync(item.Comment.Id, "bob", _clock.GetUtcNow(), LeaseFor));
        Assert.Null(await Store.ClaimNextAsync(new ReviewQueueQuery(site), "bob", _clock.GetUtcNow(), LeaseFor));

        var renewed = await Store.ClaimAsync(item.Comment.Id, "ann", _clock.GetUtcNow(), LeaseFor);
        Assert.Equal(_clock.GetUtcNow() + LeaseFor, renewed!.Lease!.ExpiresAt);

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(await Store.ClaimAsync(item.Comment.Id, "bob", _clock.GetUtcNow(), LeaseFor));

        _clock.Advance(TimeSpan.FromMinutes(1));
        var lapsed = await Store.ClaimNextAsync(new ReviewQueueQuery(site), "bob", _clock.GetUtcNow(), LeaseFor);
        Assert.Equal("bob", lapsed!.Lease!.Moderator);
    }

    [SkippableFact]
    public async Task Release_frees_the_item_only_for_its_holder()
    {
        var site = TestData.NewSite();
        var item = await QueueAsync(site, 0);
        await Store.ClaimAsync(item.Comment.Id, "ann", _clock.GetUtcNow(), LeaseFor);

        Assert.False(await Store.ReleaseAsync(item.Comment.Id, "bob"));
        Assert.True(await Store.ReleaseAsync(item.Comment.Id, "ann"));

        Assert.Null((await Store.GetAsync(item.Comment.Id))!.Lease);
        Assert.NotNull(await Store.ClaimAsync(item.Comment.Id, "bob", _clock.GetUtcNow(), LeaseFor));
    }

    [SkippableFact]
    public async Task Release_others_keeps_only_the_current_item()
    {
        var site = TestData.NewSite();
        var ann = $"ann-{Guid.NewGuid():N}";
        var first = await QueueAsync(site, 0);
        var second = await QueueAsync(site, 1);
        await Store.ClaimAsync(first.Comment.Id, ann, _clock.GetUtcNow(), LeaseFor);
        await Store.ClaimAsync(second.Comment.Id, ann, _clock.GetUtcNow(), LeaseFor);

        Assert.Equal(1, await Store.ReleaseOthersAsync(ann, second.Comment.Id));

        Assert.Null((await Store.GetAsync(first.Comment.Id))!.Lease);
        Assert.Equal(ann, (await Store.GetAsync(second.Comment.Id))!.Lease!.Moderator);
    }

    [SkippableFact]
    public async Task A_decided_item_cannot_be_claimed()
    {
        var site = TestData.NewSite();
        var item = await QueueAsync(site, 0);
        await Store.ClaimAsync(item.Comment.Id, "ann", _clock.GetUtcNow(), LeaseFor);

        Assert.True(await Store.DecideAsync(
            item.Comment.Id, ReviewItemStatus.Approved, TestData.Review(_clock.GetUtcNow()) with { ModeratorId = "ann" }, _clock.GetUtcNow()));

        Assert.Null(await Store.ClaimAsync(item.Comment.Id, "ann", _clock.GetUtcNow(), LeaseFor));
        Assert.Null(await Store.ClaimNextAsync(new ReviewQueueQuery(site), "bob", _clock.GetUtcNow(), LeaseFor));
    }

    [SkippableFact]
    public async Task Only_the_lease_holder_decides_a_leased_item_and_anyone_once_the_lease_lapses()
    {
        var item = await QueueAsync(TestData.NewSite(), 0);
        await Store.ClaimAsync(item.Comment.Id, "ann", _clock.GetUtcNow(), LeaseFor);
        var bob = TestData.Review(_clock.GetUtcNow()) with { ModeratorId = "bob" };

        Assert.False(await Store.DecideAsync(item.Comment.Id, ReviewItemStatus.Rejected, bob, _clock.GetUtcNow()));
        Assert.Equal(ReviewItemStatus.Pending, (await Store.GetAsync(item.Comment.Id))!.Status);
        Assert.DoesNotContain(await Store.ListUnsentDecisionsAsync(1000), unsent => unsent.Comment.Id == item.Comment.Id);

        _clock.Advance(LeaseFor);
        Assert.True(await Store.DecideAsync(item.Comment.Id, ReviewItemStatus.Rejected, bob, _clock.GetUtcNow()));
        Assert.Equal(ReviewItemStatus.Rejected, (await Store.GetAsync(item.Comment.Id))!.Status);
    }

    [SkippableFact]
    public async Task Fifty_rounds_of_two_moderators_deciding_at_once_record_exactly_one_decision_each_with_its_event_unsent()
    {
        var site = TestData.NewSite();
        for (var round = 0; round < 50; round++)
        {
            var item = await QueueAsync(site, round);
            var ann = TestData.Review(_clock.GetUtcNow()) with { ModeratorId = "ann" };
            var bob = TestData.Review(_clock.GetUtcNow()) with { ModeratorId = "bob" };

            var outcomes = await Task.WhenAll(
                Task.Run(() => Store.DecideAsync(item.Comment.Id, ReviewItemStatus.Approved, ann, _clock.GetUtcNow())),
                Task.Run(() => Store.DecideAsync(item.Comment.Id, ReviewItemStatus.Rejected, bob, _clock.GetUtcNow())));

            Assert.Single(outcomes, won => won);
            var stored = (await Store.GetAsync(item.Comment.Id))!;
            var (status, moderator) = outcomes[0] ? (ReviewItemStatus.Approved, "ann") : (ReviewItemStatus.Rejected, "bob");
            Assert.Equal(status, stored.Status);
            Assert.Equal(moderator, stored.Review!.ModeratorId);
        }

        var unsent = (await Store.ListUnsentDecisionsAsync(1000)).Where(i => i.Comment.SiteId == site).ToList();
        Assert.Equal(50, unsent.Count);
        Assert.Equal(50, unsent.Select(i => i.Comment.Id).Distinct().Count());
        Assert.All(unsent, i => Assert.NotEqual(ReviewItemStatus.Pending, i.Status));

        Assert.True(await Store.MarkDecisionSentAsync(unsent[0].Comment.Id));
        Assert.False(await Store.MarkDecisionSentAsync(unsent[0].Comment.Id));
        Assert.DoesNotContain(await Store.ListUnsentDecisionsAsync(1000), i => i.Comment.Id == unsent[0].Comment.Id);
    }

    [SkippableFact]
    public async Task Queries_filter_by_article_category_and_author_and_order_by_score()
    {
        var site = TestData.NewSite();
        var low = await QueueAsync(site, 0, score: 0.2, category: "link", article: "a1", author: "u1");
        var high = await QueueAsync(site, 1, score: 0.9, category: "abuse", article: "a2", author: "u2");
        var middle = await QueueAsync(site, 2, score: 0.5, category: "link", article: "a1", author: "u2");
        await QueueAsync(TestData.NewSite(), 0);

        async Task<IEnumerable<Guid>> Ids(ReviewQueueQuery query) => (await Store.QueryPendingAsync(query)).Select(i => i.Comment.Id);

        Assert.Equal([low.Comment.Id, high.Comment.Id, middle.Comment.Id], await Ids(new ReviewQueueQuery(site)));
        Assert.Equal([high.Comment.Id, middle.Comment.Id, low.Comment.Id], await Ids(new ReviewQueueQuery(site, Order: ReviewQueueOrder.HighestScoreFirst)));
        Assert.Equal([low.Comment.Id, middle.Comment.Id], await Ids(new ReviewQueueQuery(site, ArticleId: "a1")));
        Assert.Equal([high.Comment.Id], await Ids(new ReviewQueueQuery(site, Category: "abuse")));
        Assert.Equal([high.Comment.Id, middle.Comment.Id], await Ids(new ReviewQueueQuery(site, AuthorId: "u2")));
        Assert.Equal([low.Comment.Id], await Ids(new ReviewQueueQuery(site, Limit: 1)));
        Assert.Equal(3, await Store.CountPendingAsync(site));

        var claimed = await Store.ClaimNextAsync(new ReviewQueueQuery(site, Category: "link", Order: ReviewQueueOrder.HighestScoreFirst), "ann", _clock.GetUtcNow(), LeaseFor);
        Assert.Equal(middle.Comment.Id, claimed!.Comment.Id);
    }
}
