using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Review.Queue;

public sealed class RecordReviewCommentConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<RecordReviewCommentConsumer>(options);
