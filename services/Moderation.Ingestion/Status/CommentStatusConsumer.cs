using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Status;

/// <summary>
/// Keeps each comment's status current as moderators decide (the engine's decisions arrive in batches, through
/// <see cref="CommentDecisionsConsumer"/>). Replays and out-of-order events are harmless: the store applies the engine's
/// decision only to a pending comment and a moderator's only when it is the latest so far.
/// </summary>
public sealed class CommentStatusConsumer(ICommentStatusStore statuses) :
    IConsumer<CommentApproved>,
    IConsumer<CommentRejected>
{
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
