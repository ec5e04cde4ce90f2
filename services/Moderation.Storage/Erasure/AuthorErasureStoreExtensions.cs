using Moderation.Contracts;

namespace Moderation.Storage.Erasure;

public static class AuthorErasureStoreExtensions
{
    /// <summary>
    /// One owner's whole part of an erasure, in the order that matters: the record first, so no message of the author
    /// is written again while their data is being removed; then the removal. Both steps are idempotent, so a redelivery
    /// redoes whatever did not finish. Then, <paramref name="lateWrites"/> later, the removal once more: another instance of
    /// the service may believe for that long that the author is not erased (its remembered answer) and write a row after
    /// the first removal.
    /// </summary>
    public static async Task EraseAsync(
        this IAuthorErasureStore store, AuthorErased erased, TimeSpan lateWrites, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(erased);
        await store.RecordAsync(erased.SiteId, erased.AuthorId, erased.ErasedAt, cancellationToken).ConfigureAwait(false);
        await store.EraseAsync(erased.SiteId, erased.AuthorId, cancellationToken).ConfigureAwait(false);
        await Task.Delay(lateWrites, clock, cancellationToken).ConfigureAwait(false);
        await store.EraseAsync(erased.SiteId, erased.AuthorId, cancellationToken).ConfigureAwait(false);
    }
}
