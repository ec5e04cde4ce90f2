using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Queue;

/// <summary>
/// Logs every moderated comment (all outcomes) in the Review service's own store, so an item can show the author's
/// earlier comments, the thread around it and its article. Services share messages, never tables. The article's title and
/// url, when the site sent them, are kept once per article (the comment's section with them); a comment without them
/// costs no second write.
/// </summary>
public sealed class RecordReviewCommentConsumer(IReviewCommentLogStore comments) : IConsumer<CommentModerated>
{
    public async Task Consume(ConsumeContext<CommentModerated> context)
    {
        var (comment, decision) = context.Message;
        var outcome = decision.Outcome switch
        {
            DecisionOutcome.Approve => ReviewCommentOutcome.Approved,
            DecisionOutcome.Reject => ReviewCommentOutcome.Rejected,
            _ => ReviewCommentOutcome.Flagged,
        };
        if (comment.Article is { } article && (article.Title is not null || article.Url is not null))
        {
            await comments.RecordArticleAsync(
                comment.SiteId, comment.ArticleId, article.Title, article.Url, comment.Section, comment.SubmittedAt, context.CancellationToken);
        }

        await comments.RecordAsync(
            new ReviewComment(
                comment.Id, comment.SiteId, comment.ArticleId, comment.Author.Id, comment.Author.Name, comment.Body,
                comment.ParentId, comment.SubmittedAt, outcome),
            context.CancellationToken);
    }
}
