using Moderation.Review.Api.Models;
using Moderation.Storage.Review;

namespace Moderation.Review.Api;

/// <summary>Builds an item's detail: the comment, why it was flagged, its parent and the author's earlier comments.</summary>
public static class ItemDetails
{
    private const int HistoryLength = 20;
    private const int RepliesShown = 20;
    private const int NeighboursEachSide = 3;

    public static async Task<ItemDetail> BuildAsync(
        ReviewItem item, IReviewCommentLogStore comments, TimeProvider clock, CancellationToken cancellationToken)
    {
        var comment = item.Comment;
        var parent = comment.ParentId is { } parentId ? await comments.GetAsync(parentId, cancellationToken) : null;
        var history = await comments.ListByAuthorAsync(comment.SiteId, comment.Author.Id, HistoryLength + 1, cancellationToken);
        var article = await comments.GetArticleAsync(comment.SiteId, comment.ArticleId, cancellationToken);
        var replies = await comments.ListRepliesAsync(comment.SiteId, comment.Id, RepliesShown, cancellationToken);
        var around = await comments.ListAroundAsync(
            new ReviewComment(
                comment.Id, comment.SiteId, comment.ArticleId, comment.Author.Id, comment.Author.Name, comment.Body, comment.ParentId,
                comment.SubmittedAt, ReviewCommentOutcome.Flagged),
            NeighboursEachSide,
            cancellationToken);
        return new ItemDetail(
            comment.Id,
            comment.SiteId,
            comment.ArticleId,
            comment.Author,
            comment.Body,
            comment.ParentId,
            comment.SubmittedAt,
            item.QueuedAt,
            item.Status.ToString().ToLowerInvariant(),
            item.Decision.Score,
            item.Decision.RulesetVersion,
            item.Decision.Hits,
            item.Lease is { } lease && lease.IsHeldAt(clock.GetUtcNow()) ? lease : null,
            item.Review,
            parent is not null && parent.SiteId == comment.SiteId ? parent : null,
            [.. history.Where(earlier => earlier.CommentId != comment.Id).Take(HistoryLength)],
            ArticleSummary.From(comment.SiteId, comment.ArticleId, article),
            replies,
            around,
            CommentLinks.For(comment.Id, article?.Url));
    }
}
