using Moderation.Contracts;

namespace Moderation.Storage.Review;

/// <summary>Owned by the Review service: the flagged comments of each site, and who is working which.</summary>
public interface IReviewQueueStore
{
    /// <summary>Queues the item once. Returns false (and changes nothing) when the comment is already queued.</summary>
    Task<bool> AddAsync(ReviewItem item, CancellationToken cancellationToken = default);

    Task<ReviewItem?> GetAsync(Guid commentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a comment its author deleted out of the queue: its pending item (waiting or reported) goes; a decided item
    /// stays, as the record of what a moderator did. True when it removed an item.
    /// </summary>
    Task<bool> WithdrawAsync(Guid commentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a reported comment in the reported view (<see cref="ReviewItem.Reports"/> above zero), or raises the count of
    /// its pending item; a lower count (a replayed event) and a decided item change nothing. True when it changed something.
    /// </summary>
    Task<bool> RecordReportsAsync(ReviewItem item, CancellationToken cancellationToken = default);

    /// <summary>Pending items of one site, oldest queued first (at most <see cref="ReviewQueueQuery.MaxLimit"/>).</summary>
    Task<IReadOnlyList<ReviewItem>> ListPendingAsync(string siteId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return QueryPendingAsync(new ReviewQueueQuery(siteId, Limit: Math.Min(limit, ReviewQueueQuery.MaxLimit)), cancellationToken);
    }

    /// <summary>Pending items of one site that match the query's filters, in its order, leased or not.</summary>
    Task<IReadOnlyList<ReviewItem>> QueryPendingAsync(ReviewQueueQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many items of the site are pending.</summary>
    Task<long> CountPendingAsync(string siteId, CancellationToken cancellationToken = default);

    /// <summary>How many pending items match the query's filters (its order, limit and offset do not matter).</summary>
    Task<long> CountMatchingAsync(ReviewQueueQuery query, CancellationToken cancellationToken = default);

    /// <summary>The site's pending items counted per category, rule and article, and the oldest one's queue time.</summary>
    Task<ReviewQueueCounts> CountPendingByAsync(string siteId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a moderator's decision (<paramref name="status"/> Approved or Rejected) in one conditional write: only
    /// while the item is Pending, and only when nobody else holds its lease at <paramref name="now"/> (unleased, lapsed
    /// or held by <see cref="ModeratorDecision.ModeratorId"/>), so a repeated or concurrent decision never overwrites the
    /// first. The same write marks the decision's event unsent and stores its <paramref name="audit"/> entry (the outbox,
    /// which appends the entry to the audit log and sends the event). Returns true when it changed the item.
    /// </summary>
    Task<bool> DecideAsync(
        Guid commentId,
        ReviewItemStatus status,
        ModeratorDecision review,
        DateTimeOffset now,
        ReviewAuditEntry? audit = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the decision of a decided item with a later one (an undo, a re-decision, a takedown) in one conditional
    /// write: only while the item is decided, its last decision's event was sent, and its last decision is still number
    /// <paramref name="expectedSequence"/>, so of two moderators re-deciding at once exactly one wins. <paramref name="review"/>
    /// carries the next number. The same write marks the new event unsent and stores its <paramref name="audit"/> entry.
    /// Returns true when it changed the item.
    /// </summary>
    Task<bool> RedecideAsync(
        Guid commentId,
        ReviewItemStatus status,
        ModeratorDecision review,
        long expectedSequence,
        ReviewAuditEntry audit,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Decided items of one site (only <paramref name="outcome"/> when given), newest decision first, skipping
    /// <paramref name="offset"/>; kept until <see cref="PruneDecidedAsync"/> removes them.
    /// </summary>
    Task<IReadOnlyList<ReviewItem>> QueryDecidedAsync(
        string siteId, ReviewItemStatus? outcome, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>Decided items whose event the broker has not confirmed yet (the outbox), oldest decision first.</summary>
    Task<IReadOnlyList<ReviewItem>> ListUnsentDecisionsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes decided items whose event was sent and whose decision is older than <paramref name="decidedBefore"/>
    /// (their audit entries stay in the audit log). Returns how many it deleted.
    /// </summary>
    Task<long> PruneDecidedAsync(DateTimeOffset decidedBefore, CancellationToken cancellationToken = default);

    /// <summary>Marks the decision's event sent, once the broker confirmed it; false when nothing was unsent.</summary>
    Task<bool> MarkDecisionSentAsync(Guid commentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases the first pending item that matches the query and that nobody holds at <paramref name="now"/>, in one
    /// conditional write, so two moderators never get the same item. Null when there is none.
    /// </summary>
    Task<ReviewItem?> ClaimNextAsync(
        ReviewQueueQuery query, string moderator, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases (or renews) one pending item when it is unleased, lapsed or already the moderator's. Null when it is not
    /// pending or someone else holds it.
    /// </summary>
    Task<ReviewItem?> ClaimAsync(
        Guid commentId, string moderator, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken = default);

    /// <summary>Gives the item back; false when the moderator did not hold it.</summary>
    Task<bool> ReleaseAsync(Guid commentId, string moderator, CancellationToken cancellationToken = default);

    /// <summary>Gives back every other item the moderator holds, so one person works one item at a time.</summary>
    Task<long> ReleaseOthersAsync(string moderator, Guid keep, CancellationToken cancellationToken = default);
}
