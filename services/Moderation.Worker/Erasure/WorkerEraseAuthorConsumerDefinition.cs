using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Worker.Erasure;

public sealed class WorkerEraseAuthorConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<WorkerEraseAuthorConsumer>(options);
