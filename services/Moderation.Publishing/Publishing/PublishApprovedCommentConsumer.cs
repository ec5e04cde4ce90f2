using MassTransit;
using Moderation.Contracts;
using Moderation.Storage;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Publishing;

/// <summary>
/// Keeps each comment's place on its article at a moderator's decision: an approval publishes it, a rejection (a
/// takedown, when it was published) removes it; the rules' decisions arrive in batches on the same queue
/// (<see cref="PublishModeratedCommentsConsumer"/>). Each decision carries its <see cref="DecisionVersion"/> and the
/// store applies only a later one, so a redelivery changes nothing and an approval arriving after a newer rejection
/// never brings the comment back. (The name is kept: it names the queue.)
/// </summary>
public sealed class PublishApprovedCommentConsumer(IArticleCommentStore store, TimeProvider clock) :
    IConsumer<CommentApproved>,
    IConsumer<CommentRejected>
{
    public Task Consume(ConsumeContext<CommentApproved> context) =>
        ApplyAsync(context.Message.Comment, visible: true, DecisionVersion.Of(context.Message.Decision), context.CancellationToken);

    public Task Consume(ConsumeContext<CommentRejected> context) =>
        ApplyAsync(context.Message.Comment, visible: false, DecisionVersion.Of(context.Message.Decision), context.CancellationToken);

    private Task ApplyAsync(Comment comment, bool visible, DecisionVersion version, CancellationToken cancellationToken) =>
        store.ApplyAsync(ToPublished(comment, clock), visible, version, cancellationToken);

    /// <summary>The comment as its article shows it, published now (a comment already visible keeps its place).</summary>
    public static PublishedComment ToPublished(Comment comment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(clock);
        return new PublishedComment(
            comment.Id,
            comment.SiteId,
            comment.ArticleId,
            comment.Author.Id,
            comment.Author.Name,
            comment.Body,
            comment.ParentId,
            StoredTime.Truncate(clock.GetUtcNow()));
    }
}
