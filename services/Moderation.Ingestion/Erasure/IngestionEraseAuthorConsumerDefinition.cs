using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Ingestion.Erasure;

public sealed class IngestionEraseAuthorConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<IngestionEraseAuthorConsumer>(options);
