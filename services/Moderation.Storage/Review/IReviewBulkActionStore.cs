namespace Moderation.Storage.Review;

/// <summary>Owned by the Review service: the bulk decisions that can still be undone, with the ids each decided.</summary>
public interface IReviewBulkActionStore
{
    Task AddAsync(ReviewBulkAction action, IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default);

    Task<ReviewBulkAction?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Guid>> GetIdsAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A site's bulk actions not undone whose window is open at <paramref name="now"/>, newest first.</summary>
    Task<IReadOnlyList<ReviewBulkAction>> ListOpenAsync(string siteId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks the action undone; false when it already was (of two sessions undoing at once, one does it).</summary>
    Task<bool> MarkUndoneAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Deletes actions whose window closed before <paramref name="before"/>; how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
