using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Ingestion.Status;

public sealed class CommentStatusConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<CommentStatusConsumer>(options);
