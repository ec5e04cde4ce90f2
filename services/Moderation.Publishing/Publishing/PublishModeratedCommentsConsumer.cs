using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Publishing;

/// <summary>
/// Applies the rules' decisions a batch at a time: one store write (one SQLite transaction) for up to
/// <see cref="ServiceDefaults.Messaging.BatchLimits.MessageLimit"/> decisions instead of one each. An approval publishes
/// the comment; a rejection of a comment that is published (the worker decided it again on reader reports) takes it
/// down, as the rules' decision (sequence 0), so a moderator's decision on it stays in force; flags are not
/// Publishing's business. Each decision carries its version, so a replayed batch changes nothing.
/// </summary>
public sealed class PublishModeratedCommentsConsumer(IArticleCommentStore store, TimeProvider clock) : IConsumer<Batch<CommentModerated>>
{
    public async Task Consume(ConsumeContext<Batch<CommentModerated>> context)
    {
        var decisions = new List<CommentDecisionToApply>(context.Message.Length);
        foreach (var (comment, decision) in context.Message.Select(item => item.Message))
        {
            var visible = decision.Outcome == DecisionOutcome.Approve;
            if (visible || (decision.Outcome == DecisionOutcome.Reject
                && await store.GetAsync(comment.Id, context.CancellationToken).ConfigureAwait(false) is not null))
            {
                decisions.Add(new CommentDecisionToApply(
                    PublishApprovedCommentConsumer.ToPublished(comment, clock), visible, DecisionVersion.Of(decision)));
            }
        }

        if (decisions.Count > 0)
        {
            await store.ApplyManyAsync(decisions, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
