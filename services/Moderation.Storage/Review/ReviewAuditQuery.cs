namespace Moderation.Storage.Review;

/// <summary>
/// Audit entries of the given sites, newest first. <see cref="From"/> is inclusive, <see cref="To"/> exclusive;
/// <see cref="Before"/> is the cursor of the previous page; <see cref="AuthorId"/> keeps one author's entries.
/// </summary>
public sealed record ReviewAuditQuery(
    IReadOnlyList<string> SiteIds,
    string? Moderator = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 50,
    ReviewAuditCursor? Before = null,
    string? AuthorId = null)
{
    public const int MaxLimit = 200;

    public void EnsureValid()
    {
        ArgumentNullException.ThrowIfNull(SiteIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, MaxLimit);
    }
}
