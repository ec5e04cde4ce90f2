using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Reports;

/// <summary>
/// Hides a published comment once readers reported it past the site's second threshold, and shows it again when a
/// moderator approves it. Both writes are conditional, so replays change nothing.
/// </summary>
public sealed class HideReportedCommentConsumer(IArticleCommentStore store) :
    IConsumer<CommentReported>,
    IConsumer<CommentApproved>
{
    public Task Consume(ConsumeContext<CommentReported> context) =>
        context.Message.Hidden
            ? store.SetHiddenAsync(context.Message.CommentId, hidden: true, context.CancellationToken)
            : Task.CompletedTask;

    public Task Consume(ConsumeContext<CommentApproved> context) =>
        store.SetHiddenAsync(context.Message.Comment.Id, hidden: false, context.CancellationToken);
}
