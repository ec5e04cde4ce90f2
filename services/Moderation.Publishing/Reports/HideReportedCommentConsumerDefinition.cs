using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Publishing.Reports;

public sealed class HideReportedCommentConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<HideReportedCommentConsumer>(options);
