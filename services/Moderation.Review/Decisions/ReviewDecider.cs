using MassTransit;
using Moderation.Contracts;
using Moderation.Storage;
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
        // Rejecting a published comment (one the rules approved, or readers reported: they see only published ones) takes it down.
        var decision = new ModeratorDecision(
            moderator, Describe(reason, note), now, (item.Review?.Sequence ?? 0) + 1, string.IsNullOrWhiteSpace(messageToAuthor) ? null : messageToAuthor.Trim(),
            TakesDown: !approve && (item.Decision.Outcome == DecisionOutcome.Approve || item.Reports > 0));
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

    /// <summary>
    /// Replaces the item's last decision (number <paramref name="expectedSequence"/>, the one the moderator saw) with a
    /// new one numbered after it, so Publishing applies it: an undone approval takes the comment down, an undone
    /// rejection publishes it. Allowed within <paramref name="undoWindow"/> of the last decision, except that taking down
    /// an approved comment is always allowed. Two moderators at once: one wins, the other is told it was superseded.
    /// The last decision's event is sent first when it is still owed, so its audit entry is never overwritten unlogged.
    /// </summary>
    public async Task<DecisionResult> RedecideAsync(
        ReviewItem item,
        string moderator,
        bool approve,
        string? reason,
        string? note,
        string? messageToAuthor,
        long expectedSequence,
        TimeSpan undoWindow,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (item.Status == ReviewItemStatus.Pending || item.Review is not { } last)
        {
            return DecisionResult.NotDecided;
        }

        if (last.Sequence != expectedSequence)
        {
            return DecisionResult.Superseded;
        }

        var takedown = !approve && item.Status == ReviewItemStatus.Approved;
        if (!takedown && now - last.DecidedAt > undoWindow)
        {
            return DecisionResult.UndoWindowPassed;
        }

        var status = approve ? ReviewItemStatus.Approved : ReviewItemStatus.Rejected;
        var decision = new ModeratorDecision(
            moderator, Describe(reason, note), now, expectedSequence + 1, string.IsNullOrWhiteSpace(messageToAuthor) ? null : messageToAuthor.Trim(),
            TakesDown: takedown);
        var was = $"was {item.Status.ToString().ToLowerInvariant()} by {last.ModeratorId}";
        var entry = new ReviewAuditEntry(
            NewId.NextGuid(), item.Comment.SiteId, item.Comment.Id, item.Comment.ArticleId, item.Comment.Author.Id, moderator,
            status, reason, string.IsNullOrWhiteSpace(note) ? $"re-decided ({was})" : $"{note.Trim()} (re-decided, {was})",
            [.. item.Decision.Hits.Select(hit => hit.Rule).Distinct()],
            [.. item.Decision.Hits.Select(hit => hit.Category).Distinct()], now);
        for (var attempt = 0; ; attempt++)
        {
            if (await queue.RedecideAsync(item.Comment.Id, status, decision, expectedSequence, entry, cancellationToken))
            {
                await outbox.TrySendAsync(item with { Status = status, Review = decision, Lease = null, Audit = entry }, cancellationToken);
                return DecisionResult.Decided;
            }

            var current = await queue.GetAsync(item.Comment.Id, cancellationToken);
            if (attempt > 0 || current is not { Review: { } seen } || current.Status == ReviewItemStatus.Pending || seen.Sequence != expectedSequence)
            {
                return DecisionResult.Superseded;
            }

            // Still the decision the moderator saw, so its event is owed: send it (idempotent) and try once more.
            try
            {
                await outbox.SendAsync(current, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return DecisionResult.PreviousUnsent;
            }
        }
    }

    /// <summary>
    /// Takes down a published comment from the article view, whether or not it ever was in the queue: one the rules
    /// approved gets an item first (once, however many moderators ask at once), then every path is an ordinary decision
    /// (<see cref="DecideAsync"/> for a waiting reported one, <see cref="RedecideAsync"/> for a moderator's approval), so
    /// it carries TakesDown, the next Sequence and its audit entry, and two moderators at once record one takedown.
    /// </summary>
    public async Task<(DecisionResult Result, long Sequence)> TakeDownAsync(
        ReviewComment published, string moderator, string reason, string? note, string? messageToAuthor, CancellationToken cancellationToken)
    {
        if (published.Outcome != ReviewCommentOutcome.Approved)
        {
            return (DecisionResult.NotPublished, 0);
        }

        var item = await queue.GetAsync(published.CommentId, cancellationToken);
        if (item is null)
        {
            var comment = new Comment(
                published.CommentId, published.SiteId, published.ArticleId, new CommentAuthor(published.AuthorId, published.AuthorName),
                published.Body, published.ParentId, published.SubmittedAt);
            var approved = new ModerationDecision(DecisionOutcome.Approve, 0, [], string.Empty, published.SubmittedAt);
            await queue.AddAsync(new ReviewItem(comment, approved, StoredTime.Truncate(clock.GetUtcNow())), cancellationToken);
            item = await queue.GetAsync(published.CommentId, cancellationToken)
                ?? throw new InvalidOperationException($"Item {published.CommentId} vanished after it was added.");
        }

        switch (item.Status)
        {
            case ReviewItemStatus.Pending when item.Decision.Outcome == DecisionOutcome.Approve || item.Reports > 0:
                var decided = await DecideAsync(item, moderator, approve: false, reason, note, cancellationToken, messageToAuthor);
                return (decided, (item.Review?.Sequence ?? 0) + 1);
            case ReviewItemStatus.Approved when item.Review is { } last:
                var redecided = await RedecideAsync(
                    item, moderator, approve: false, reason, note, messageToAuthor, last.Sequence, TimeSpan.Zero, cancellationToken);
                return (redecided == DecisionResult.Superseded ? DecisionResult.AlreadyDecided : redecided, last.Sequence + 1);
            default:
                return (item.Status == ReviewItemStatus.Pending ? DecisionResult.NotPublished : DecisionResult.AlreadyDecided, 0);
        }
    }

    private static string? Describe(string? reason, string? note) => (reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim()) switch
    {
        (null, null) => null,
        (null, var text) => text,
        (var code, null) => code,
        (var code, var text) => $"{code}: {text}",
    };
}
