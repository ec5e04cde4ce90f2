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

    /// <summary>
    /// Appends many entries as <see cref="AppendAsync"/> appends each, an author's in the order given, each looking back
    /// <paramref name="window"/> from its own SubmittedAt; returns, per entry, what <see cref="AppendAsync"/> would have.
    /// Different authors' appends may run at once; a store may do them all in one write (SQLite: one transaction).
    /// </summary>
    async Task<IReadOnlyList<IReadOnlyList<AuthorActivity>>> AppendManyAsync(
        IReadOnlyList<AuthorActivity> entries, TimeSpan window, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var results = new IReadOnlyList<AuthorActivity>[entries.Count];
        await Task.WhenAll(entries
            .Select((entry, index) => (entry, index))
            .GroupBy(item => (item.entry.SiteId, item.entry.AuthorId))
            .Select(async author =>
            {
                foreach (var (entry, index) in author)
                {
                    results[index] = await AppendAsync(entry, entry.SubmittedAt - window, limit, cancellationToken).ConfigureAwait(false);
                }
            })).ConfigureAwait(false);
        return results;
    }

    /// <summary>Deletes entries older than <paramref name="before"/>; returns how many it removed.</summary>
    Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
