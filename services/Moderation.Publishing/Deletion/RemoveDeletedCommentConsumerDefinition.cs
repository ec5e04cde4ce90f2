using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Publishing.Deletion;

public sealed class RemoveDeletedCommentConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<RemoveDeletedCommentConsumer>(options);
