using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Reports;

/// <summary>
/// Hides a published comment once readers reported it past the site's second threshold, and shows it again when a
/// moderator approves it. Both writes are conditional, so replays change nothing. Each report of a comment it shows
/// also goes on to the worker (<see cref="CommentReportsCounted"/>), which decides the comment again with the count.
/// </summary>
public sealed class HideReportedCommentConsumer(IArticleCommentStore store) :
    IConsumer<CommentReported>,
    IConsumer<CommentApproved>
{
    public async Task Consume(ConsumeContext<CommentReported> context)
    {
        var reported = context.Message;
        if (reported.Hidden)
        {
            await store.SetHiddenAsync(reported.CommentId, hidden: true, context.CancellationToken);
        }

        // The worker decides a published comment again with its report count (rules with reports_at_least).
        if (await store.GetAsync(reported.CommentId, context.CancellationToken) is { } published)
        {
            var comment = new Comment(
                published.Id, published.SiteId, published.ArticleId, new CommentAuthor(published.AuthorId, published.AuthorName),
                published.Body, published.ParentId, published.PublishedAt);
            await context.Publish(new CommentReportsCounted(comment, reported.OpenReports, reported.ReportedAt), context.CancellationToken);
        }
    }

    public Task Consume(ConsumeContext<CommentApproved> context) =>
        store.SetHiddenAsync(context.Message.Comment.Id, hidden: false, context.CancellationToken);
}
