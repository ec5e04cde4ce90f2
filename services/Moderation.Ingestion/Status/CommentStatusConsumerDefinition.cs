using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Ingestion.Status;

public sealed class CommentStatusConsumerDefinition : ModerationConsumerDefinition<CommentStatusConsumer>
{
    /// <summary>The queue of every status event, shared with <see cref="CommentDecisionsConsumer"/>.</summary>
    public const string Queue = "comment-status";

    public CommentStatusConsumerDefinition(IOptions<MessagingOptions> options)
        : base(options)
    {
        EndpointName = Queue;
        ConcurrentMessageLimit = BatchLimits.EndpointLimit(options.Value);
    }
}
