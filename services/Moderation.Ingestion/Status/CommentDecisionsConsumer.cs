using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Status;

/// <summary>
/// Records the rules engine's decisions in the status store a batch at a time: one store write for up to
/// <see cref="ServiceDefaults.Messaging.BatchLimits.MessageLimit"/> decisions instead of one each, which under load was the
/// longest wait of a comment (decisions queued behind submits for the store). Replays change nothing: a decision
/// applies only to a pending comment, and a record lost or never written is rebuilt from the event. A decision on reader
/// reports (<see cref="CommentModerated.OpenReports"/> set: the worker holds or takes down a published comment) applies
/// to a comment no moderator decided, towards a stricter status only. A hold that arrives for a comment its author
/// already deleted (its submission was on its way) makes this announce the deletion again, so the review queue, which
/// may have taken the hold after the first announcement, lets it go. This narrows the race but does not close it: when
/// Review takes the hold after this second announcement too, the item stays until a moderator decides it (which then
/// changes nothing: the comment stays deleted).
/// </summary>
public sealed class CommentDecisionsConsumer(ICommentStatusStore statuses, TimeProvider clock) : IConsumer<Batch<CommentModerated>>
{
    public async Task Consume(ConsumeContext<Batch<CommentModerated>> context)
    {
        var messages = context.Message.Select(item => item.Message).ToList();
        var first = messages.Where(message => message.OpenReports is null).Select(Update).ToList();
        if (first.Count > 0)
        {
            await statuses.ApplyModerationsAsync(first, context.CancellationToken);
        }

        // One read for the whole batch's holds: a read per hold queued behind the submits' writes and, under a burst, held
        // this queue's batches for seconds (submit-to-final p50 8.9 s against 1.1 s without it, tools/load/run.sh).
        var held = messages.Where(message => message.OpenReports is null && message.Decision.Outcome == DecisionOutcome.Flag)
            .Select(message => message.Comment.Id).ToHashSet();
        foreach (var deleted in (await statuses.GetManyAsync(held, context.CancellationToken)).Where(record => record.Status == CommentStatus.Deleted))
        {
            await context.Publish(
                new CommentDeleted(deleted.Id, deleted.SiteId, deleted.ArticleId, deleted.AuthorId, clock.GetUtcNow()), context.CancellationToken);
        }

        // A re-decision that approves changes nothing (the worker publishes none).
        foreach (var redecided in messages.Where(message => message.OpenReports is not null && message.Decision.Outcome != DecisionOutcome.Approve))
        {
            await statuses.ApplyRedecisionAsync(
                redecided.Comment.Id, StatusOf(redecided.Decision.Outcome), redecided.Decision, context.CancellationToken);
        }
    }

    private static ModerationStatusUpdate Update(CommentModerated message)
    {
        var (comment, decision) = (message.Comment, message.Decision);
        return new ModerationStatusUpdate(
            new CommentStatusRecord(comment.Id, comment.SiteId, comment.ArticleId, comment.Author.Id, CommentStatus.Pending, comment.SubmittedAt),
            StatusOf(decision.Outcome),
            decision);
    }

    private static CommentStatus StatusOf(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approve => CommentStatus.Approved,
        DecisionOutcome.Reject => CommentStatus.Rejected,
        _ => CommentStatus.Flagged,
    };
}
