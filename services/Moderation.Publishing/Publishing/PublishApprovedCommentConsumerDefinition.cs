using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Publishing.Publishing;

public sealed class PublishApprovedCommentConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<PublishApprovedCommentConsumer>(options);
