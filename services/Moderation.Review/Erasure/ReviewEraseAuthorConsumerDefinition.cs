using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Review.Erasure;

public sealed class ReviewEraseAuthorConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<ReviewEraseAuthorConsumer>(options);
