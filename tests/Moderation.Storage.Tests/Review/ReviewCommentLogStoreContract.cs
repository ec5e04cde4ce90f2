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
}
