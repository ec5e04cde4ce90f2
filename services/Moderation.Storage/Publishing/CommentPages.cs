namespace Moderation.Storage.Publishing;

/// <summary>Paging rules every <see cref="IArticleCommentStore"/> shares: stores fetch limit + 1 rows to know whether more follow.</summary>
internal static class CommentPages
{
    public static void EnsureValidLimit(int limit) => ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

    public static CommentPage FromFetched(List<PublishedComment> fetched, int limit)
    {
        if (fetched.Count <= limit)
        {
            return new CommentPage(fetched, null);
        }

        fetched.RemoveRange(limit, fetched.Count - limit);
        var last = fetched[^1];
        return new CommentPage(fetched, new CommentPageCursor(last.PublishedAt, last.Id));
    }
}
