using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Review.Queue;

/// <summary>
/// Owns the Review service's one queue of decisions, which <see cref="QueueFlaggedCommentConsumer"/> shares: each
/// decided comment costs the broker one delivery to Review, not two. This definition adds the queue's retry and outbox.
/// </summary>
public sealed class RecordReviewCommentConsumerDefinition : ModerationConsumerDefinition<RecordReviewCommentConsumer>
{
    public const string Queue = "record-review-comment";

    public RecordReviewCommentConsumerDefinition(IOptions<MessagingOptions> options)
        : base(options) => EndpointName = Queue;
}
