using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Ingestion.Status;

/// <summary>On the same queue as <see cref="CommentStatusConsumer"/> (<c>comment-status</c>), so a comment still costs one delivery there.</summary>
public sealed class CommentDecisionsConsumerDefinition(IOptions<MessagingOptions> options)
    : BatchConsumerDefinition<CommentDecisionsConsumer>(options, CommentStatusConsumerDefinition.Queue);
