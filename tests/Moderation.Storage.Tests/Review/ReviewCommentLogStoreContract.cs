using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

public abstract class ReviewCommentLogStoreContract : StoreContract
{
    private IReviewCommentLogStore Store => Stores.ReviewComments;

    private static ReviewComment Comment(string siteId, string authorId, DateTimeOffset submittedAt, Guid? parentId = null) => new(
        Guid.NewGuid(), siteId, "article-1", authorId, "Ada", "Some <i>text</i>", parentId, submittedAt, ReviewCommentOutcome.Flagged);

    [SkippableFact]
    public async Task A_comment_is_recorded_once_and_its_outcome_can_change()
    {
        var comment = Comment(TestData.NewSite(), "author-1", TestData.BaseTime, parentId: Guid.NewGuid());

        Assert.True(await Store.RecordAsync(comment));
        Assert.False(await Store.RecordAsync(comment with { Outcome = ReviewCommentOutcome.Approved }));
        Assert.Equal(comment, await Store.GetAsync(comment.CommentId));

        Assert.True(await Store.SetOutcomeAsync(comment.CommentId, ReviewCommentOutcome.Rejected));
        Assert.False(await Store.SetOutcomeAsync(Guid.NewGuid(), ReviewCommentOutcome.Rejected));
        Assert.Equal(ReviewCommentOutcome.Rejected, (await Store.GetAsync(comment.CommentId))!.Outcome);
        Assert.Null(await Store.GetAsync(Guid.NewGuid()));
    }

    [SkippableFact]
    public async Task An_authors_comments_on_one_site_are_listed_newest_first()
    {
        var site = TestData.NewSite();
        var comments = Enumerable.Range(0, 4).Select(i => Comment(site, "author-1", TestData.BaseTime.AddMinutes(i))).ToList();
        foreach (var comment in comments)
        {
            await Store.RecordAsync(comment);
        }

        await Store.RecordAsync(Comment(site, "author-2", TestData.BaseTime));
        await Store.RecordAsync(Comment(TestData.NewSite(), "author-1", TestData.BaseTime));

        var listed = await Store.ListByAuthorAsync(site, "author-1", 3);

        Assert.Equal([comments[3].CommentId, comments[2].CommentId, comments[1].CommentId], listed.Select(c => c.CommentId));
    }

    [SkippableFact]
    public async Task An_articles_comments_are_paged_newest_first_and_a_comment_has_its_replies_and_neighbours()
    {
        var site = TestData.NewSite();
        var comments = Enumerable.Range(0, 7).Select(i => Comment(site, $"author-{i}", TestData.BaseTime.AddMinutes(i))).ToList();
        var middle = comments[3];
        comments[4] = comments[4] with { ParentId = middle.CommentId };
        comments[6] = comments[6] with { ParentId = middle.CommentId };
        foreach (var comment in comments)
        {
            await Store.RecordAsync(comment);
        }

        await Store.RecordAsync(Comment(site, "author-x", TestData.BaseTime) with { ArticleId = "article-2", ParentId = middle.CommentId });
        await Store.RecordAsync(Comment(TestData.NewSite(), "author-1", TestData.BaseTime.AddMinutes(3)));

        Assert.Equal(
            [comments[6].CommentId, comments[5].CommentId, comments[4].CommentId],
            (await Store.PageByArticleAsync(site, "article-1", 0, 3)).Select(c => c.CommentId));
        Assert.Equal([comments[0].CommentId], (await Store.PageByArticleAsync(site, "article-1", 6, 3)).Select(c => c.CommentId));
        Assert.Empty(await Store.PageByArticleAsync(site, "no-such-article", 0, 3));

        // Replies on the same site only, oldest first (the one on another article of the site counts: replies follow the parent).
        var replies = await Store.ListRepliesAsync(site, middle.CommentId, 10);
        Assert.Equal(3, replies.Count);
        Assert.Equal([comments[4].CommentId, comments[6].CommentId], replies.Where(c => c.ArticleId == "article-1").Select(c => c.CommentId));
        Assert.Empty(await Store.ListRepliesAsync(TestData.NewSite(), middle.CommentId, 10));

        Assert.Equal(
            [comments[1].CommentId, comments[2].CommentId, comments[4].CommentId, comments[5].CommentId],
            (await Store.ListAroundAsync(middle, 2)).Select(c => c.CommentId));
        Assert.Equal([comments[1].CommentId], (await Store.ListAroundAsync(comments[0], 1)).Select(c => c.CommentId));
    }

    [SkippableFact]
    public async Task An_article_is_kept_once_with_the_latest_non_empty_context_and_the_latest_mode()
    {
        var site = TestData.NewSite();
        Assert.Null(await Store.GetArticleAsync(site, "article-1"));

        await Store.RecordArticleAsync(site, "article-1", "First title", "https://news.example/a", "politics", TestData.BaseTime);
        await Store.RecordArticleAsync(site, "article-1", "Second title", null, null, TestData.BaseTime.AddMinutes(2));
        await Store.RecordArticleAsync(site, "article-1", "Older title, late", "https://news.example/old", null, TestData.BaseTime.AddMinutes(1));
        await Store.RecordArticleAsync(site, "article-1", "Second title", null, null, TestData.BaseTime.AddMinutes(2));

        var article = await Store.GetArticleAsync(site, "article-1");
        Assert.Equal(new ReviewArticle(site, "article-1", "Second title", "https://news.example/a", "politics", TestData.BaseTime.AddMinutes(2), null), article);
        Assert.Null(await Store.GetArticleAsync(TestData.NewSite(), "article-1"));

        var premoderated = new ReviewArticleMode("premoderate", "surge", TestData.BaseTime.AddMinutes(5), TestData.BaseTime.AddMinutes(35));
        await Store.SetArticleModeAsync(site, "article-1", premoderated);
        await Store.SetArticleModeAsync(site, "article-1", new ReviewArticleMode("closed", "editor", TestData.BaseTime.AddMinutes(4), null));
        Assert.Equal(premoderated, (await Store.GetArticleAsync(site, "article-1"))!.Mode);
        Assert.Equal("Second title", (await Store.GetArticleAsync(site, "article-1"))!.Title);

        // A mode can arrive before any context; the context then joins it.
        await Store.SetArticleModeAsync(site, "article-2", new ReviewArticleMode("closed", "editor", TestData.BaseTime, null));
        await Store.RecordArticleAsync(site, "article-2", "Closed story", null, null, TestData.BaseTime.AddMinutes(1));
        var closed = (await Store.GetArticleAsync(site, "article-2"))!;
        Assert.Equal("closed", closed.Mode!.Mode);
        Assert.Equal("Closed story", closed.Title);

        // Many comments of one article at once leave one article with one of their titles.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Store.RecordArticleAsync(site, "article-3", $"Title {i}", null, null, TestData.BaseTime.AddSeconds(i))));
        Assert.Equal("Title 19", (await Store.GetArticleAsync(site, "article-3"))!.Title);
    }
}
