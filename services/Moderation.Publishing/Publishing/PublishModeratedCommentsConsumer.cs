using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Publishing;

/// <summary>
/// Publishes the comments the rules approved, a batch at a time: one store write (one SQLite transaction) for up to
/// <see cref="ServiceDefaults.Messaging.BatchLimits.MessageLimit"/> decisions instead of one each. Other outcomes are
/// not Publishing's business. Each decision carries its version, so a replayed batch changes nothing and a rules'
/// approval never overrides a moderator's later decision.
/// </summary>
public sealed class PublishModeratedCommentsConsumer(IArticleCommentStore store, TimeProvider clock) : IConsumer<Batch<CommentModerated>>
{
    public Task Consume(ConsumeContext<Batch<CommentModerated>> context)
    {
        List<CommentDecisionToApply> approved =
        [
            .. context.Message
                .Select(item => item.Message)
                .Where(message => message.Decision.Outcome == DecisionOutcome.Approve)
                .Select(message => new CommentDecisionToApply(
                    PublishApprovedCommentConsumer.ToPublished(message.Comment, clock), Visible: true, DecisionVersion.Of(message.Decision))),
        ];
        return approved.Count == 0 ? Task.CompletedTask : store.ApplyManyAsync(approved, context.CancellationToken);
    }
}
