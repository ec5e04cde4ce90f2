using Moderation.Storage.Publishing;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class ArticleCommentStoreContract : StoreContract
{
    private IArticleCommentStore Store => Stores.ArticleComments;

    [SkippableFact]
    public async Task Add_stores_a_comment_once_and_a_replay_returns_false()
    {
        var comment = TestData.Published(TestData.NewSite(), "article-1", TestData.BaseTime);

        Assert.True(await Store.AddAsync(comment));
        Assert.False(await Store.AddAsync(comment with { Body = "changed" }));

        Assert.Equal(comment, await Store.GetAsync(comment.Id));
        var page = await Store.ListAsync(comment.SiteId, "article-1", CommentOrder.OldestFirst, 10, null);
        Assert.Equal([comment], page.Items);
    }

    [SkippableFact]
    public async Task Get_returns_null_for_an_unknown_id() => Assert.Null(await Store.GetAsync(Guid.NewGuid()));

    [SkippableFact]
    public async Task A_hidden_comment_leaves_its_article_pages_until_shown_again()
    {
        var site = TestData.NewSite();
        var first = TestData.Published(site, "article-1", TestData.BaseTime);
        var second = TestData.Published(site, "article-1", TestData.BaseTime.AddSeconds(1));
        await Store.AddAsync(first);
        await Store.AddAsync(second);

        Assert.True(await Store.SetHiddenAsync(first.Id, hidden: true));
        Assert.False(await Store.SetHiddenAsync(first.Id, hidden: true));
        Assert.False(await Store.SetHiddenAsync(Guid.NewGuid(), hidden: true));
        var page = await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 1, null);
        Assert.Equal([second], page.Items);
        Assert.Null(page.Next);

        Assert.True(await Store.SetHiddenAsync(first.Id, hidden: false));
        Assert.Equal([first, second], (await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 10, null)).Items);
    }

    [SkippableFact]
    public async Task Get_round_trips_a_reply_and_truncates_times_to_milliseconds()
    {
        var precise = new DateTimeOffset(2025, 3, 1, 14, 0, 0, 987, TimeSpan.FromHours(2)).AddTicks(6543);
        var reply = TestData.Published(TestData.NewSite(), "article-1", precise) with { ParentId = Guid.NewGuid() };
        await Store.AddAsync(reply);

        var stored = await Store.GetAsync(reply.Id);

        Assert.Equal(reply with { PublishedAt = TestData.Truncated(precise) }, stored);
        Assert.Equal(TestData.Truncated(precise).UtcTicks, stored!.PublishedAt.UtcTicks);
    }

    [SkippableTheory]
    [InlineData(CommentOrder.OldestFirst)]
    [InlineData(CommentOrder.NewestFirst)]
    public async Task Pages_follow_the_order_and_break_timestamp_ties_by_id_without_losing_or_repeating(CommentOrder order)
    {
        var site = TestData.NewSite();

        // 47 comments over 10 distinct milliseconds: most pages start and end inside a run of equal timestamps.
        var comments = Enumerable.Range(0, 47)
            .Select(i => TestData.Published(site, "article-1", TestData.BaseTime.AddMilliseconds(i % 10)))
            .ToList();
        foreach (var comment in comments)
        {
            await Store.AddAsync(comment);
        }

        var expected = comments.OrderBy(c => c.PublishedAt).ThenBy(c => c.Id).ToList();
        if (order == CommentOrder.NewestFirst)
        {
            expected.Reverse();
        }

        var read = new List<PublishedComment>();
        CommentPageCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(site, "article-1", order, 6, cursor);
            Assert.InRange(page.Items.Count, 1, 6);
            read.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(8, pages);
        Assert.Equal(expected, read);
    }

    [SkippableFact]
    public async Task Next_is_set_only_when_more_items_follow()
    {
        var site = TestData.NewSite();
        var comments = Enumerable.Range(0, 4)
            .Select(i => TestData.Published(site, "article-1", TestData.BaseTime.AddSeconds(i)))
            .ToList();
        foreach (var comment in comments)
        {
            await Store.AddAsync(comment);
        }

        var exact = await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 4, null);
        var larger = await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 100, null);
        var smaller = await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 3, null);
        var rest = await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 3, smaller.Next);

        Assert.Null(exact.Next);
        Assert.Equal(4, exact.Items.Count);
        Assert.Null(larger.Next);
        Assert.Equal(4, larger.Items.Count);
        Assert.Equal(new CommentPageCursor(comments[2].PublishedAt, comments[2].Id), smaller.Next);
        Assert.Equal([comments[3]], rest.Items);
        Assert.Null(rest.Next);
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_limit_below_one_is_refused(int limit) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ListAsync(TestData.NewSite(), "article-1", CommentOrder.OldestFirst, limit, null));

    [SkippableFact]
    public async Task An_empty_article_gives_an_empty_last_page()
    {
        var page = await Store.ListAsync(TestData.NewSite(), "article-1", CommentOrder.NewestFirst, 10, null);

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }

    [SkippableFact]
    public async Task Listing_sees_only_the_requested_site_and_article()
    {
        var site = TestData.NewSite();
        var otherSite = TestData.NewSite();
        var mine = TestData.Published(site, "article-1", TestData.BaseTime);
        await Store.AddAsync(mine);
        await Store.AddAsync(TestData.Published(site, "article-2", TestData.BaseTime));
        await Store.AddAsync(TestData.Published(otherSite, "article-1", TestData.BaseTime));

        var page = await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 10, null);

        Assert.Equal([mine], page.Items);
    }

    [SkippableFact]
    public async Task A_rejection_after_an_approval_takes_the_comment_down_and_a_redelivery_changes_nothing()
    {
        var site = TestData.NewSite();
        var comment = TestData.Published(site, "article-1", TestData.BaseTime);
        var neighbour = TestData.Published(site, "article-1", TestData.BaseTime.AddSeconds(1));
        await Store.AddAsync(neighbour);
        var approval = new DecisionVersion(0, TestData.BaseTime);
        var takedown = new DecisionVersion(1, TestData.BaseTime.AddMinutes(5));

        Assert.True(await Store.ApplyAsync(comment, visible: true, approval));
        Assert.False(await Store.ApplyAsync(comment, visible: true, approval));
        Assert.Equal(comment, await Store.GetAsync(comment.Id));

        Assert.True(await Store.ApplyAsync(comment with { PublishedAt = TestData.BaseTime.AddMinutes(5) }, visible: false, takedown));
        Assert.False(await Store.ApplyAsync(comment, visible: false, takedown));
        Assert.False(await Store.ApplyAsync(comment, visible: true, approval));

        Assert.Null(await Store.GetAsync(comment.Id));
        Assert.Equal([neighbour], (await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 10, null)).Items);
        Assert.Equal([neighbour], (await Store.ListAsync(site, "article-1", CommentOrder.NewestFirst, 10, null)).Items);
    }

    [SkippableFact]
    public async Task ApplyMany_applies_a_batch_as_one_by_one_and_a_replayed_batch_changes_nothing()
    {
        var site = TestData.NewSite();
        var approved = Enumerable.Range(0, 50).Select(i => TestData.Published(site, "article-1", TestData.BaseTime.AddSeconds(i))).ToList();
        var takenDown = TestData.Published(site, "article-1", TestData.BaseTime.AddMinutes(1));
        await Store.ApplyAsync(takenDown, visible: false, new DecisionVersion(1, TestData.BaseTime.AddMinutes(2)));
        List<CommentDecisionToApply> batch =
        [
            .. approved.Select(comment => new CommentDecisionToApply(comment, true, new DecisionVersion(0, comment.PublishedAt))),

            // The rules' approval arriving after a moderator's takedown, and a comment twice in one batch.
            new(takenDown, true, new DecisionVersion(0, TestData.BaseTime.AddMinutes(1))),
            new(approved[0], false, new DecisionVersion(1, TestData.BaseTime.AddHours(1))),
        ];

        await Store.ApplyManyAsync(batch);
        await Store.ApplyManyAsync(batch);

        var page = await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 100, null);
        Assert.Equal(approved.Skip(1), page.Items);
        Assert.Null(await Store.GetAsync(takenDown.Id));
        Assert.Null(await Store.GetAsync(approved[0].Id));
    }

    [SkippableFact]
    public async Task A_rejection_arriving_before_the_older_approval_keeps_the_comment_off_the_article()
    {
        var site = TestData.NewSite();
        var comment = TestData.Published(site, "article-1", TestData.BaseTime);

        Assert.True(await Store.ApplyAsync(comment, visible: false, new DecisionVersion(2, TestData.BaseTime.AddMinutes(2))));
        Assert.False(await Store.ApplyAsync(comment, visible: true, new DecisionVersion(1, TestData.BaseTime.AddMinutes(9))));
        Assert.False(await Store.ApplyAsync(comment, visible: true, new DecisionVersion(0, TestData.BaseTime.AddMinutes(9))));
        Assert.False(await Store.AddAsync(comment));

        Assert.Null(await Store.GetAsync(comment.Id));
        Assert.Empty((await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 10, null)).Items);
    }

    [SkippableFact]
    public async Task Same_sequence_orders_by_time_and_an_approval_after_a_takedown_publishes_it_again_at_its_new_time()
    {
        var site = TestData.NewSite();
        var comment = TestData.Published(site, "article-1", TestData.BaseTime);
        await Store.ApplyAsync(comment, visible: true, new DecisionVersion(1, TestData.BaseTime));
        await Store.ApplyAsync(comment, visible: false, new DecisionVersion(1, TestData.BaseTime.AddSeconds(1)));
        Assert.Null(await Store.GetAsync(comment.Id));

        var back = comment with { PublishedAt = TestData.BaseTime.AddHours(1), Body = "Edited and approved again" };
        Assert.True(await Store.ApplyAsync(back, visible: true, new DecisionVersion(2, TestData.BaseTime.AddHours(1))));
        Assert.Equal(back, await Store.GetAsync(comment.Id));

        // A later approval of a visible comment keeps its place.
        Assert.True(await Store.ApplyAsync(back with { PublishedAt = TestData.BaseTime.AddHours(2) }, visible: true, new DecisionVersion(3, TestData.BaseTime.AddHours(2))));
        Assert.Equal(back, await Store.GetAsync(comment.Id));
    }

    [SkippableFact]
    public async Task Concurrent_decisions_in_any_order_end_at_the_latest()
    {
        var site = TestData.NewSite();
        var random = new Random(8);
        var comments = Enumerable.Range(0, 20).Select(i => TestData.Published(site, "article-1", TestData.BaseTime.AddMilliseconds(i))).ToList();
        var expected = new List<PublishedComment>();
        var applies = new List<Func<Task>>();
        foreach (var comment in comments)
        {
            // Six decisions per comment, alternating; the last (highest sequence) says whether it stays up.
            var decisions = Enumerable.Range(0, 6)
                .Select(n => (Visible: (n + comment.Id.GetHashCode()) % 2 == 0, Version: new DecisionVersion(n, TestData.BaseTime.AddMinutes(n))))
                .ToList();
            if (decisions[^1].Visible)
            {
                expected.Add(comment);
            }

            applies.AddRange(decisions.SelectMany(d => new Func<Task>[]
            {
                () => Store.ApplyAsync(comment, d.Visible, d.Version),
                () => Store.ApplyAsync(comment, d.Visible, d.Version),
            }));
        }

        await Task.WhenAll(applies.OrderBy(_ => random.Next()).Select(apply => Task.Run(apply)));

        var page = await Store.ListAsync(site, "article-1", CommentOrder.OldestFirst, 100, null);
        Assert.Equal(expected.Select(c => c.Id).ToHashSet(), page.Items.Select(c => c.Id).ToHashSet());
    }
}
