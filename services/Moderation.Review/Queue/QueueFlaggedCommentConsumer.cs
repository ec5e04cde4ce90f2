using MassTransit;
using Moderation.Contracts;
using Moderation.Storage;
using Moderation.Storage.Review;

namespace Moderation.Review.Queue;

/// <summary>Puts each flagged comment in its site's review queue, once however often the event arrives.</summary>
public sealed class QueueFlaggedCommentConsumer(IReviewQueueStore queue, TimeProvider clock) : IConsumer<CommentModerated>
{
    public Task Consume(ConsumeContext<CommentModerated> context)
    {
        var (comment, decision) = context.Message;
        if (decision.Outcome != DecisionOutcome.Flag)
        {
            return Task.CompletedTask;
        }

        var queuedAt = StoredTime.Truncate(clock.GetUtcNow());
        return queue.AddAsync(new ReviewItem(comment, decision, queuedAt), context.CancellationToken);
    }
}
