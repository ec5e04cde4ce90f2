using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Status;

/// <summary>
/// Keeps each comment's status current as its events arrive. Replays and out-of-order events are harmless:
/// the store applies the engine's decision only to a pending comment and a moderator's only when it is the latest so far.
/// </summary>
public sealed class CommentStatusConsumer(ICommentStatusStore statuses) :
    IConsumer<CommentModerated>,
    IConsumer<CommentApproved>,
    IConsumer<CommentRejected>
{
    public async Task Consume(ConsumeContext<CommentModerated> context)
    {
        var (comment, decision) = context.Message;
        var status = decision.Outcome switch
        {
            DecisionOutcome.Approve => CommentStatus.Approved,
            DecisionOutcome.Reject => CommentStatus.Rejected,
            _ => CommentStatus.Flagged,
        };

        // One write in the common case; the record is rebuilt only when the update found nothing to change.
        if (!await statuses.ApplyModerationAsync(comment.Id, status, decision, context.CancellationToken) &&
            await EnsureRecordAsync(comment, context.CancellationToken))
        {
            await statuses.ApplyModerationAsync(comment.Id, status, decision, context.CancellationToken);
        }
    }

    public async Task Consume(ConsumeContext<CommentApproved> context)
    {
        await EnsureRecordAsync(context.Message.Comment, context.CancellationToken);
        await statuses.ApplyReviewAsync(context.Message.Comment.Id, CommentStatus.Approved, context.Message.Decision, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CommentRejected> context)
    {
        await EnsureRecordAsync(context.Message.Comment, context.CancellationToken);
        await statuses.ApplyReviewAsync(context.Message.Comment.Id, CommentStatus.Rejected, context.Message.Decision, context.CancellationToken);
    }

    /// <summary>The event carries the comment, so a record lost or never written (a submit that timed out yet reached the broker) is rebuilt.</summary>
    private Task<bool> EnsureRecordAsync(Comment comment, CancellationToken cancellationToken) =>
        statuses.TryCreateAsync(
            new CommentStatusRecord(comment.Id, comment.SiteId, comment.ArticleId, comment.Author.Id, CommentStatus.Pending, comment.SubmittedAt),
            cancellationToken);
}
