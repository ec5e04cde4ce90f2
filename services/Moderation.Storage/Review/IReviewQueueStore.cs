using Moderation.Contracts;

namespace Moderation.Storage.Review;

/// <summary>Owned by the Review service: the flagged comments of each site.</summary>
public interface IReviewQueueStore
{
    /// <summary>Queues the item once. Returns false (and changes nothing) when the comment is already queued.</summary>
    Task<bool> AddAsync(ReviewItem item, CancellationToken cancellationToken = default);

    Task<ReviewItem?> GetAsync(Guid commentId, CancellationToken cancellationToken = default);

    /// <summary>Pending items of one site, oldest queued first.</summary>
    Task<IReadOnlyList<ReviewItem>> ListPendingAsync(string siteId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a moderator's decision (<paramref name="status"/> Approved or Rejected) while the item is still Pending,
    /// so a repeated or concurrent decision never overwrites the first. Returns true when it changed the item.
    /// </summary>
    Task<bool> DecideAsync(
        Guid commentId, ReviewItemStatus status, ModeratorDecision review, CancellationToken cancellationToken = default);
}
