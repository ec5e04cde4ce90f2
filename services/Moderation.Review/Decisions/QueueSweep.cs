using Moderation.Storage.Review;

namespace Moderation.Review.Decisions;

/// <summary>
/// Decides every pending item a query matches, page by page, however many (up to <c>max</c>): one conditional write
/// per item through <see cref="ReviewDecider"/>, so each keeps its audit entry and event. Items another moderator holds
/// are skipped and stay pending, so the next page starts after them.
/// </summary>
public sealed class QueueSweep(IReviewQueueStore queue, ReviewDecider decider)
{
    public async Task<(List<Guid> Decided, List<Guid> Skipped)> DecideAllAsync(
        ReviewQueueQuery query, long max, string moderator, bool approve, string? reason, string? note, string? message, CancellationToken cancellationToken)
    {
        var decided = new List<Guid>();
        var skipped = new List<Guid>();
        while (decided.Count + skipped.Count < max && skipped.Count <= ReviewQueueQuery.MaxOffset)
        {
            var page = await queue.QueryPendingAsync(
                query with { Order = ReviewQueueOrder.OldestFirst, Limit = ReviewQueueQuery.MaxLimit, Offset = skipped.Count }, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var item in page.Take((int)Math.Min(page.Count, max - decided.Count - skipped.Count)))
            {
                var result = await decider.DecideAsync(item, moderator, approve, reason, note, cancellationToken, message);
                (result == DecisionResult.Decided ? decided : skipped).Add(item.Comment.Id);
            }
        }

        return (decided, skipped);
    }

    /// <summary>
    /// Takes back what a bulk action decided: each comment still at the bulk's decision (number 1, as
    /// <paramref name="decided"/>) is re-decided the other way, one conditional write each; the others are counted as
    /// skipped (decided again since, past the undo window, or not of <paramref name="siteId"/>).
    /// </summary>
    public async Task<(int Undone, int Skipped)> UndoAllAsync(
        string siteId, IReadOnlyList<Guid> ids, ReviewItemStatus decided, string moderator, string? reason, string? note, TimeSpan undoWindow,
        CancellationToken cancellationToken)
    {
        var (undone, skipped) = (0, 0);
        foreach (var id in ids.Distinct())
        {
            var item = await queue.GetAsync(id, cancellationToken);
            if (item is null || item.Comment.SiteId != siteId || item.Status != decided)
            {
                skipped++;
                continue;
            }

            var result = await decider.RedecideAsync(
                item, moderator, approve: decided == ReviewItemStatus.Rejected, decided == ReviewItemStatus.Approved ? reason : null,
                note, null, expectedSequence: 1, undoWindow, cancellationToken);
            if (result == DecisionResult.Decided)
            {
                undone++;
            }
            else
            {
                skipped++;
            }
        }

        return (undone, skipped);
    }
}
