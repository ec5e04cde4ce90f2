namespace Moderation.Storage.Publishing;

/// <summary>
/// Owned by the Publishing service. Must stay fast at 100,000 comments on one article:
/// one row/document per comment, an index on (SiteId, ArticleId, PublishedAt, Id), a unique Id. A comment taken down
/// keeps its row, hidden, with the version of the decision that hid it, so an older approval arriving later cannot
/// bring it back; reads never return hidden comments.
/// </summary>
public interface IArticleCommentStore
{
    /// <summary>Stores the comment once. Returns false (and changes nothing) when its Id is already stored.</summary>
    Task<bool> AddAsync(PublishedComment comment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a decision on the comment when <paramref name="version"/> is later than the decision last applied to it
    /// (or none was): <paramref name="visible"/> publishes it (with <see cref="PublishedComment.PublishedAt"/> when it
    /// was not visible before, else keeping its place), false takes it down. One conditional write, so concurrent,
    /// repeated or out-of-order decisions end at the latest one. Returns true when it changed the comment.
    /// </summary>
    Task<bool> ApplyAsync(PublishedComment comment, bool visible, DecisionVersion version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies many decisions as <see cref="ApplyAsync"/> applies each, in order (a store may do it in one write; SQLite
    /// does it in one transaction). A batch holding a comment twice ends at its later decision.
    /// </summary>
    async Task ApplyManyAsync(IReadOnlyList<CommentDecisionToApply> decisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var (comment, visible, version) in decisions)
        {
            await ApplyAsync(comment, visible, version, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The comment when it is published (null when unknown or taken down).</summary>
    Task<PublishedComment?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hides a published comment from its article's pages (readers reported it past the site's second threshold) or shows
    /// it again (a moderator approved it). True when it changed the comment; false when absent or already so.
    /// </summary>
    Task<bool> SetHiddenAsync(Guid id, bool hidden, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of at most <paramref name="limit"/> comments of one article in <paramref name="order"/>,
    /// starting strictly after <paramref name="after"/> when given. Next is set only when more items follow.
    /// </summary>
    Task<CommentPage> ListAsync(
        string siteId,
        string articleId,
        CommentOrder order,
        int limit,
        CommentPageCursor? after,
        CancellationToken cancellationToken = default);
}
