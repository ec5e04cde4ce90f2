namespace Moderation.Storage.Review;

/// <summary>Which pending items of one site to list or claim. Null filters match everything.</summary>
public sealed record ReviewQueueQuery(
    string SiteId,
    string? ArticleId = null,
    string? Category = null,
    string? AuthorId = null,
    ReviewQueueOrder Order = ReviewQueueOrder.OldestFirst,
    int Limit = 50)
{
    public const int MaxLimit = 500;

    public void EnsureValid()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SiteId);
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, MaxLimit);
    }
}
