using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Review.Queue;

/// <summary>
/// On <see cref="RecordReviewCommentConsumerDefinition.Queue"/> with the comment log's consumer, so a decision is
/// delivered to Review once and both consumers take it (both idempotent; a retry runs both again). The queue's retry
/// and outbox come from <see cref="RecordReviewCommentConsumerDefinition"/>: added here too they would nest.
/// </summary>
public sealed class QueueFlaggedCommentConsumerDefinition : ConsumerDefinition<QueueFlaggedCommentConsumer>
{
    public QueueFlaggedCommentConsumerDefinition(IOptions<MessagingOptions> options)
    {
        EndpointName = RecordReviewCommentConsumerDefinition.Queue;
        ConcurrentMessageLimit = options.Value.PrefetchCount;
    }
}
