namespace Moderation.Storage.Review;

/// <summary>
/// The pending items of one site counted per category, per rule and per article (most first; an item with several
/// hits of one category counts once in it). <see cref="OldestQueuedAt"/> is null when nothing waits.
/// </summary>
public sealed record ReviewQueueCounts(
    long Pending,
    DateTimeOffset? OldestQueuedAt,
    IReadOnlyList<ReviewQueueCount> Categories,
    IReadOnlyList<ReviewQueueCount> Rules,
    IReadOnlyList<ReviewQueueCount> Articles)
{
    /// <summary>At most this many articles are counted (the busiest); categories and rules are few.</summary>
    public const int MaxArticles = 100;
}
