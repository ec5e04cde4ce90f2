namespace Moderation.Storage.Activity;

/// <summary>
/// Owned by the Ingestion API: each author's recent comments per site, appended at submit time so that every comment
/// travels to the worker with what its author posted before it (the duplicate and flood rules need it).
/// </summary>
public interface IAuthorHistoryStore
{
    /// <summary>The most entries an append may ask for; a store keeps at least this many of each author's newest.</summary>
    const int MaxEntries = 200;

    /// <summary>
    /// Appends <paramref name="entry"/> to its author's history and returns, in the same atomic step, the entries
    /// appended before it with SubmittedAt &gt;= <paramref name="from"/>, oldest first, at most the newest
    /// <paramref name="limit"/>. Of two appends racing for one author, exactly one sees the other. Appending a
    /// CommentId again appends nothing and returns what came before its first append.
    /// </summary>
    Task<IReadOnlyList<AuthorActivity>> AppendAsync(
        AuthorActivity entry, DateTimeOffset from, int limit, CancellationToken cancellationToken = default);

    /// <summary>Deletes entries older than <paramref name="before"/>; returns how many it removed.</summary>
    Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
