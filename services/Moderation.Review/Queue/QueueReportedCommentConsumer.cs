using MassTransit;
using Moderation.Contracts;
using Moderation.Storage;
using Moderation.Storage.Review;

namespace Moderation.Review.Queue;

/// <summary>
/// Puts a published comment that enough readers reported in the queue's reported view, with the count, from the Review
/// service's own log of the comment. The log is written from CommentModerated, which may still be on its way: until
/// it is there the message fails and is retried, never dropped.
/// </summary>
public sealed class QueueReportedCommentConsumer(IReviewQueueStore queue, IReviewCommentLogStore comments, TimeProvider clock)
    : IConsumer<CommentReported>
{
    public async Task Consume(ConsumeContext<CommentReported> context)
    {
        var reported = context.Message;
        if (!reported.NeedsReview)
        {
            return;
        }

        var logged = await comments.GetAsync(reported.CommentId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Comment {reported.CommentId} is not in the review log yet; the report is retried.");
        var comment = new Comment(
            logged.CommentId, logged.SiteId, logged.ArticleId, new CommentAuthor(logged.AuthorId, logged.AuthorName),
            logged.Body, logged.ParentId, logged.SubmittedAt);
        var decision = reported.Decision
            ?? new ModerationDecision(DecisionOutcome.Approve, 0, [], string.Empty, reported.ReportedAt);
        await queue.RecordReportsAsync(
            new ReviewItem(comment, decision, StoredTime.Truncate(clock.GetUtcNow()), Reports: reported.OpenReports),
            context.CancellationToken);
    }
}
