using MassTransit;
using Moderation.Contracts;
using Moderation.Storage;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Publishing;

/// <summary>
/// Stores each approved comment under its article, whether the rules approved it or a moderator did.
/// The store keeps one copy per comment id, so redelivery stores nothing twice.
/// </summary>
public sealed class PublishApprovedCommentConsumer(IArticleCommentStore store, TimeProvider clock) :
    IConsumer<CommentModerated>,
    IConsumer<CommentApproved>
{
    public Task Consume(ConsumeContext<CommentModerated> context) =>
        context.Message.Decision.Outcome == DecisionOutcome.Approve
            ? PublishAsync(context.Message.Comment, context.CancellationToken)
            : Task.CompletedTask;

    public Task Consume(ConsumeContext<CommentApproved> context) =>
        PublishAsync(context.Message.Comment, context.CancellationToken);

    private Task PublishAsync(Comment comment, CancellationToken cancellationToken)
    {
        var publishedAt = StoredTime.Truncate(clock.GetUtcNow());
        return store.AddAsync(
            new PublishedComment(
                comment.Id,
                comment.SiteId,
                comment.ArticleId,
                comment.Author.Id,
                comment.Author.Name,
                comment.Body,
                comment.ParentId,
                publishedAt),
            cancellationToken);
    }
}
