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
}
