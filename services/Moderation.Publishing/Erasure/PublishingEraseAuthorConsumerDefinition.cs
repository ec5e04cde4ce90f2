using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Publishing.Erasure;

public sealed class PublishingEraseAuthorConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<PublishingEraseAuthorConsumer>(options);
