namespace Moderation.Storage.Erasure;

/// <summary>
/// One owner's part of erasing an author: the erasure record its consumers consult, and the removal of the author's
/// data from that owner's stores. Both are idempotent.
/// </summary>
public interface IAuthorErasureStore
{
    /// <summary>Records that the author is erased (by the hash of site and author only).</summary>
    Task RecordAsync(string siteId, string authorId, DateTimeOffset erasedAt, CancellationToken cancellationToken = default);

    Task<bool> IsErasedAsync(string siteId, string authorId, CancellationToken cancellationToken = default);

    /// <summary>How many authors are recorded erased: records are never removed, so a count that did not change means no new erasure.</summary>
    Task<long> CountErasedAsync(CancellationToken cancellationToken = default);

    /// <summary>Every recorded erasure's key (<see cref="AuthorErasureKey.For"/>), for a process to answer from memory.</summary>
    Task<IReadOnlyCollection<string>> ListErasedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the author's comments, names and activity from this owner's stores. Rows others need stay as tombstones:
    /// the id replaced by <see cref="AuthorErasureKey.Tombstone"/>, text and name emptied.
    /// </summary>
    Task EraseAsync(string siteId, string authorId, CancellationToken cancellationToken = default);
}
