using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

/// <param name="WaitingSeconds">How long the comment has waited since it was submitted, at the time of the answer.</param>
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
    IReadOnlyList<string> Rules,
    DateTimeOffset SubmittedAt,
    long WaitingSeconds,
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
            [.. item.Decision.Hits.Select(hit => hit.Rule).Distinct()],
            item.Comment.SubmittedAt,
            (long)Math.Max(0, (now - item.Comment.SubmittedAt).TotalSeconds),
            item.Reports);
    }
}
