namespace Moderation.Storage.Review;

/// <summary>Owned by the Review service: the append-only log of moderator decisions.</summary>
public interface IReviewAuditStore
{
    /// <summary>Appends once; false when an entry with this id is already stored.</summary>
    Task<bool> AppendAsync(ReviewAuditEntry entry, CancellationToken cancellationToken = default);

    Task<ReviewAuditPage> QueryAsync(ReviewAuditQuery query, CancellationToken cancellationToken = default);
}
