using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Queue;

/// <summary>
/// Logs every moderated comment (all outcomes) in the Review service's own store, so an item can show the author's
/// earlier comments and the parent of a reply. Services share messages, never tables.
/// </summary>
public sealed class RecordReviewCommentConsumer(IReviewCommentLogStore comments) : IConsumer<CommentModerated>
{
    public Task Consume(ConsumeContext<CommentModerated> context)
    {
        var (comment, decision) = context.Message;
        var outcome = decision.Outcome switch
        {
            DecisionOutcome.Approve => ReviewCommentOutcome.Approved,
            DecisionOutcome.Reject => ReviewCommentOutcome.Rejected,
            _ => ReviewCommentOutcome.Flagged,
        };
        return comments.RecordAsync(
            new ReviewComment(
                comment.Id, comment.SiteId, comment.ArticleId, comment.Author.Id, comment.Author.Name, comment.Body,
                comment.ParentId, comment.SubmittedAt, outcome),
            context.CancellationToken);
    }
}
