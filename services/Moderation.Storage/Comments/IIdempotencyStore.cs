namespace Moderation.Storage.Comments;

/// <summary>Owned by the Ingestion API.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Inserts <paramref name="candidate"/> unless (SiteId, Key) exists; returns the stored record either way.
    /// Two concurrent calls with the same key get the same stored record.
    /// </summary>
    Task<IdempotencyRecord> GetOrAddAsync(IdempotencyRecord candidate, CancellationToken cancellationToken = default);

    Task MarkPublishedAsync(string siteId, string key, CancellationToken cancellationToken = default);
}
