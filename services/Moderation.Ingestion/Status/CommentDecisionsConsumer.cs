using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Status;

/// <summary>
/// Records the rules engine's decisions in the status store a batch at a time: one store write for up to
/// <see cref="ServiceDefaults.Messaging.BatchLimits.MessageLimit"/> decisions instead of one each, which under load was the
/// longest wait of a comment (decisions queued behind submits for the store). Replays change nothing: a decision
/// applies only to a pending comment, and a record lost or never written is rebuilt from the event.
/// </summary>
public sealed class CommentDecisionsConsumer(ICommentStatusStore statuses) : IConsumer<Batch<CommentModerated>>
{
    public Task Consume(ConsumeContext<Batch<CommentModerated>> context) =>
        statuses.ApplyModerationsAsync([.. context.Message.Select(item => Update(item.Message))], context.CancellationToken);

    private static ModerationStatusUpdate Update(CommentModerated message)
    {
        var (comment, decision) = message;
        var status = decision.Outcome switch
        {
            DecisionOutcome.Approve => CommentStatus.Approved,
            DecisionOutcome.Reject => CommentStatus.Rejected,
            _ => CommentStatus.Flagged,
        };
        return new ModerationStatusUpdate(
            new CommentStatusRecord(comment.Id, comment.SiteId, comment.ArticleId, comment.Author.Id, CommentStatus.Pending, comment.SubmittedAt),
            status,
            decision);
    }
}
