using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Review.Queue;

public sealed class QueueReportedCommentConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<QueueReportedCommentConsumer>(options);
