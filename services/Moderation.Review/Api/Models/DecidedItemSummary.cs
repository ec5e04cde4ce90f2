using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

/// <summary>
/// One decided comment in the decided queue: what was decided, by whom and when, its number (<paramref name="Sequence"/>,
/// what a re-decision expects), and until when it may be undone (<paramref name="UndoUntil"/>; an approved comment can
/// be taken down after that too).
/// </summary>
public sealed record DecidedItemSummary(
    Guid Id,
    string SiteId,
    string ArticleId,
    string AuthorId,
    string AuthorName,
    string Excerpt,
    IReadOnlyList<string> Rules,
    string Status,
    string Moderator,
    string? Reason,
    DateTimeOffset DecidedAt,
    long Sequence,
    DateTimeOffset UndoUntil,
    bool CanUndo,
    int Reports)
{
    private const int ExcerptLength = 160;

    public static DecidedItemSummary From(ReviewItem item, TimeSpan undoWindow, DateTimeOffset now)
    {
        var review = item.Review!;
        var body = item.Comment.Body;
        return new(
            item.Comment.Id,
            item.Comment.SiteId,
            item.Comment.ArticleId,
            item.Comment.Author.Id,
            item.Comment.Author.Name,
            body.Length <= ExcerptLength ? body : body[..ExcerptLength] + "…",
            [.. item.Decision.Hits.Select(hit => hit.Rule).Distinct()],
            item.Status.ToString().ToLowerInvariant(),
            review.ModeratorId,
            review.Reason,
            review.DecidedAt,
            review.Sequence,
            review.DecidedAt + undoWindow,
            now - review.DecidedAt <= undoWindow,
            item.Reports);
    }
}
