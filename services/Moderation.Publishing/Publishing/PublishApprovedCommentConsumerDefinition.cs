using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Messaging;

namespace Moderation.Publishing.Publishing;

public sealed class PublishApprovedCommentConsumerDefinition : ModerationConsumerDefinition<PublishApprovedCommentConsumer>
{
    /// <summary>Publishing's queue of decisions, shared with <see cref="PublishModeratedCommentsConsumer"/>.</summary>
    public const string Queue = "publish-approved-comment";

    public PublishApprovedCommentConsumerDefinition(IOptions<MessagingOptions> options)
        : base(options)
    {
        EndpointName = Queue;
        ConcurrentMessageLimit = BatchLimits.EndpointLimit(options.Value);
    }
}
