using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Worker.Moderating;

public sealed class ModerateCommentConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<ModerateCommentConsumer>(options);
