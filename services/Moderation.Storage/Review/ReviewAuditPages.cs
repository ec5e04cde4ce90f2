namespace Moderation.Storage.Review;

/// <summary>Pages are fetched one entry longer than asked, so the extra entry tells whether another page follows.</summary>
internal static class ReviewAuditPages
{
    public static ReviewAuditPage FromFetched(IReadOnlyList<ReviewAuditEntry> fetched, int limit)
    {
        if (fetched.Count <= limit)
        {
            return new ReviewAuditPage(fetched, null);
        }

        var items = fetched.Take(limit).ToList();
        return new ReviewAuditPage(items, new ReviewAuditCursor(items[^1].At, items[^1].Id));
    }
}
