using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Review.Deletion;

public sealed class WithdrawDeletedCommentConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<WithdrawDeletedCommentConsumer>(options);
