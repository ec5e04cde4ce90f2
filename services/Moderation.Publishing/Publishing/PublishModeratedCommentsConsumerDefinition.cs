using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Publishing.Publishing;

/// <summary>On the same queue as <see cref="PublishApprovedCommentConsumer"/>, so a comment still costs one delivery there.</summary>
public sealed class PublishModeratedCommentsConsumerDefinition(IOptions<MessagingOptions> options)
    : BatchConsumerDefinition<PublishModeratedCommentsConsumer>(options, PublishApprovedCommentConsumerDefinition.Queue);
