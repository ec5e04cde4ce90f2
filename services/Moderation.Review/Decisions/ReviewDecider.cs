using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Decisions;

/// <summary>
/// Records a moderator's decision first, in one conditional write that also marks its event unsent (the outbox);
/// then writes the audit entry and the author's log, and sends the event (CommentApproved or CommentRejected) through
/// <see cref="DecisionOutbox"/>. Two moderators deciding at once: exactly one write wins, the other is told why.
/// </summary>
public sealed class ReviewDecider(
    IReviewQueueStore queue,
    IReviewAuditStore audit,
    IReviewCommentLogStore comments,
    DecisionOutbox outbox,
    TimeProvider clock)
{
    public async Task<DecisionResult> DecideAsync(
        ReviewItem item, string moderator, bool approve, string? reason, string? note, CancellationToken cancellationToken, string? messageToAuthor = null)
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

        var decision = new ModeratorDecision(moderator, Describe(reason, note), now, string.IsNullOrWhiteSpace(messageToAuthor) ? null : messageToAuthor.Trim());
        var status = approve ? ReviewItemStatus.Approved : ReviewItemStatus.Rejected;
        if (!await queue.DecideAsync(item.Comment.Id, status, decision, now, cancellationToken))
        {
            // Lost to another decision, or another moderator claimed the item since it was read.
            var current = await queue.GetAsync(item.Comment.Id, cancellationToken);
            return current is { Status: ReviewItemStatus.Pending } ? DecisionResult.LeasedByOther : DecisionResult.AlreadyDecided;
        }

        await audit.AppendAsync(
            new ReviewAuditEntry(
                NewId.NextGuid(), item.Comment.SiteId, item.Comment.Id, item.Comment.ArticleId, item.Comment.Author.Id, moderator,
                status, reason, note, [.. item.Decision.Hits.Select(hit => hit.Rule).Distinct()],
                [.. item.Decision.Hits.Select(hit => hit.Category).Distinct()], now),
            cancellationToken);
        await comments.SetOutcomeAsync(
            item.Comment.Id, approve ? ReviewCommentOutcome.Approved : ReviewCommentOutcome.Rejected, cancellationToken);
        await outbox.TrySendAsync(item with { Status = status, Review = decision, Lease = null }, cancellationToken);
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
