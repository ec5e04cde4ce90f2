using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Decisions;

/// <summary>
/// Records a moderator's decision: publishes CommentApproved or CommentRejected (Publishing and Ingestion act on it),
/// marks the item decided, writes the audit entry and the author's log.
/// </summary>
public sealed class ReviewDecider(
    IReviewQueueStore queue,
    IReviewAuditStore audit,
    IReviewCommentLogStore comments,
    IPublishEndpoint publish,
    TimeProvider clock)
{
    public async Task<DecisionResult> DecideAsync(
        ReviewItem item, string moderator, bool approve, string? reason, string? note, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (item.Status != ReviewItemStatus.Pending)
        {
            return DecisionResult.AlreadyDecided;
        }

        if (item.Lease is { } lease && lease.IsHeldAt(now) && lease.Moderator != moderator)
        {
            return DecisionResult.LeasedByOther;
        }

        var decision = new ModeratorDecision(moderator, Describe(reason, note), now);

        // Publish before marking the item decided: if the broker is down the item stays pending and can be decided
        // again, rather than being decided with no event sent. Consumers are idempotent, so a retry is harmless.
        if (approve)
        {
            await publish.Publish(new CommentApproved(item.Comment, decision), cancellationToken);
        }
        else
        {
            await publish.Publish(new CommentRejected(item.Comment, decision), cancellationToken);
        }

        var status = approve ? ReviewItemStatus.Approved : ReviewItemStatus.Rejected;
        if (!await queue.DecideAsync(item.Comment.Id, status, decision, cancellationToken))
        {
            return DecisionResult.AlreadyDecided;
        }

        await audit.AppendAsync(
            new ReviewAuditEntry(
                NewId.NextGuid(), item.Comment.SiteId, item.Comment.Id, item.Comment.ArticleId, item.Comment.Author.Id, moderator,
                status, reason, note, [.. item.Decision.Hits.Select(hit => hit.Rule).Distinct()],
                [.. item.Decision.Hits.Select(hit => hit.Category).Distinct()], now),
            cancellationToken);
        await comments.SetOutcomeAsync(
            item.Comment.Id, approve ? ReviewCommentOutcome.Approved : ReviewCommentOutcome.Rejected, cancellationToken);
        return DecisionResult.Decided;
    }

    private static string? Describe(string? reason, string? note) => (reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim()) switch
    {
        (null, null) => null,
        (null, var text) => text,
        (var code, null) => code,
        (var code, var text) => $"{code}: {text}",
    };
}
