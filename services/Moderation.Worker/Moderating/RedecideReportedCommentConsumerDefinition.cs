using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Worker.Moderating;

public sealed class RedecideReportedCommentConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<RedecideReportedCommentConsumer>(options);
