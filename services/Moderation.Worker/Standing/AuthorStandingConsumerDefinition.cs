using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Worker.Standing;

public sealed class AuthorStandingConsumerDefinition(IOptions<MessagingOptions> options)
    : ModerationConsumerDefinition<AuthorStandingConsumer>(options);
