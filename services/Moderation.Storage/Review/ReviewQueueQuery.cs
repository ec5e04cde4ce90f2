namespace Moderation.Storage.Review;

/// <summary>
/// Which pending items of one site to list or claim. Null filters match everything. <see cref="Rule"/> matches items
/// on which that rule fired; <see cref="Text"/> matches items whose body or author name contains it (any case).
/// <see cref="Reported"/> true is the reported view (published comments readers reported), false the comments the rules held.
/// </summary>
public sealed record ReviewQueueQuery(
    string SiteId,
    string? ArticleId = null,
    string? Category = null,
    string? AuthorId = null,
    ReviewQueueOrder Order = ReviewQueueOrder.OldestFirst,
    int Limit = 50,
    int Offset = 0,
    string? Rule = null,
    string? Text = null,
    bool? Reported = null)
{
    public const int MaxLimit = 500;

    /// <summary>How deep a listing may page; a console works the queue by claiming, so this bounds a scan, not a queue.</summary>
    public const int MaxOffset = 1_000_000;

    /// <summary>The longest text a search may look for.</summary>
    public const int MaxTextLength = 200;

    public void EnsureValid()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SiteId);
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, MaxLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(Offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Offset, MaxOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Text?.Length ?? 0, MaxTextLength, nameof(Text));
    }
}
