using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

public sealed record QueueItemSummary(
    Guid Id,
    string SiteId,
    string ArticleId,
    string AuthorId,
    string AuthorName,
    string Excerpt,
    double Score,
    IReadOnlyList<string> Categories,
    DateTimeOffset QueuedAt,
    ReviewLease? Lease,
    int Reports = 0)
{
    private const int ExcerptLength = 160;

    public static QueueItemSummary From(ReviewItem item, DateTimeOffset now)
    {
        var body = item.Comment.Body;
        return new(
            item.Comment.Id,
            item.Comment.SiteId,
            item.Comment.ArticleId,
            item.Comment.Author.Id,
            item.Comment.Author.Name,
            body.Length <= ExcerptLength ? body : body[..ExcerptLength] + "…",
            item.Decision.Score,
            [.. item.Decision.Hits.Select(hit => hit.Category).Distinct()],
            item.QueuedAt,
            item.Lease is { } lease && lease.IsHeldAt(now) ? lease : null,
            item.Reports);
    }
}
