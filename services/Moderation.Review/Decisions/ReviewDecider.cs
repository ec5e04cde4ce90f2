using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Decisions;

/// <summary>
/// Records a moderator's decision first, in one conditional write that also holds its audit entry and marks its event
/// unsent (the outbox); then <see cref="DecisionOutbox"/> appends the audit entry, writes the author's log and sends the
/// event (CommentApproved or CommentRejected). Two moderators deciding at once: exactly one write wins, the other is told why.
/// </summary>
public sealed class ReviewDecider(
    IReviewQueueStore queue,
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

        // Numbered after the item's last decision, so Publishing and Ingestion can tell which of two decisions is later.
        var decision = new ModeratorDecision(
            moderator, Describe(reason, note), now, (item.Review?.Sequence ?? 0) + 1, string.IsNullOrWhiteSpace(messageToAuthor) ? null : messageToAuthor.Trim());
        var status = approve ? ReviewItemStatus.Approved : ReviewItemStatus.Rejected;
        var entry = new ReviewAuditEntry(
            NewId.NextGuid(), item.Comment.SiteId, item.Comment.Id, item.Comment.ArticleId, item.Comment.Author.Id, moderator,
            status, reason, note, [.. item.Decision.Hits.Select(hit => hit.Rule).Distinct()],
            [.. item.Decision.Hits.Select(hit => hit.Category).Distinct()], now);
        if (!await queue.DecideAsync(item.Comment.Id, status, decision, now, entry, cancellationToken))
        {
            // Lost to another decision, or another moderator claimed the item since it was read.
            var current = await queue.GetAsync(item.Comment.Id, cancellationToken);
            return current is { Status: ReviewItemStatus.Pending } ? DecisionResult.LeasedByOther : DecisionResult.AlreadyDecided;
        }

        await outbox.TrySendAsync(item with { Status = status, Review = decision, Lease = null, Audit = entry }, cancellationToken);
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
