using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Review.Queue;

public sealed class QueueFlaggedCommentConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<QueueFlaggedCommentConsumer>(options);
