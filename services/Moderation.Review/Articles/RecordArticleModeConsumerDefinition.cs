using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Review.Articles;

public sealed class RecordArticleModeConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<RecordArticleModeConsumer>(options);
