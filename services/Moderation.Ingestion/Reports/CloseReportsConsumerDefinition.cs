using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Ingestion.Reports;

public sealed class CloseReportsConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<CloseReportsConsumer>(options);
