using MassTransit;
using Moderation.Contracts;
using Moderation.Storage;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Publishing;

/// <summary>
/// Keeps each comment's place on its article at its latest decision: the rules' or a moderator's approval publishes
/// it, a moderator's rejection (a takedown, when it was published) or the rules' rejection of a published comment
/// (decided again on reader reports) removes it. Each decision carries its
/// <see cref="DecisionVersion"/> and the store applies only a later one, so a redelivery changes nothing and an
/// approval arriving after a newer rejection never brings the comment back. (The name is kept: it names the queue.)
/// </summary>
public sealed class PublishApprovedCommentConsumer(IArticleCommentStore store, TimeProvider clock) :
    IConsumer<CommentModerated>,
    IConsumer<CommentApproved>,
    IConsumer<CommentRejected>
{
    public async Task Consume(ConsumeContext<CommentModerated> context)
    {
        var (comment, decision) = context.Message;
        if (decision.Outcome == DecisionOutcome.Approve)
        {
            await ApplyAsync(comment, visible: true, DecisionVersion.Of(decision), context.CancellationToken);
        }
        else if (decision.Outcome == DecisionOutcome.Reject && await store.GetAsync(comment.Id, context.CancellationToken) is not null)
        {
            // The rules rejecting a comment they had approved: the worker decided it again on reader reports. It
            // counts as the rules' decision (sequence 0), so a moderator's decision on the comment stays in force.
            await ApplyAsync(comment, visible: false, DecisionVersion.Of(decision), context.CancellationToken);
        }
    }

    public Task Consume(ConsumeContext<CommentApproved> context) =>
        ApplyAsync(context.Message.Comment, visible: true, DecisionVersion.Of(context.Message.Decision), context.CancellationToken);

    public Task Consume(ConsumeContext<CommentRejected> context) =>
        ApplyAsync(context.Message.Comment, visible: false, DecisionVersion.Of(context.Message.Decision), context.CancellationToken);

    private Task ApplyAsync(Comment comment, bool visible, DecisionVersion version, CancellationToken cancellationToken) =>
        store.ApplyAsync(
            new PublishedComment(
                comment.Id,
                comment.SiteId,
                comment.ArticleId,
                comment.Author.Id,
                comment.Author.Name,
                comment.Body,
                comment.ParentId,
                StoredTime.Truncate(clock.GetUtcNow())),
            visible,
            version,
            cancellationToken);
}
