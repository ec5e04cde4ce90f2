using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Webhooks.Consuming;

public sealed class WebhookEventConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<WebhookEventConsumer>(options);
