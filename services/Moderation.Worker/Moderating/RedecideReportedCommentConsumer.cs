using MassTransit;
using Moderation.Contracts;

namespace Moderation.Worker.Moderating;

/// <summary>
/// Decides a published comment again when readers report it, with the number of reports, and publishes the decision
/// when the rules now hold it (flag: it joins the review queue) or reject it (reject: Publishing takes it down). The
/// decision is the rules engine's (sequence 0), so it never overrides a moderator's; deciding again on redelivery is
/// harmless (the queue inserts once, a takedown that is already done changes nothing). The event carries the report
/// count, so Ingestion records it in the comment's status and the site hears of it (<c>comment.flagged</c> or
/// <c>comment.taken_down</c>, decided by the rules).
/// </summary>
public sealed class RedecideReportedCommentConsumer(CommentModerator moderator) : IConsumer<CommentReportsCounted>
{
    public async Task Consume(ConsumeContext<CommentReportsCounted> context)
    {
        var decision = await moderator.RedecideAsync(context.Message, context.CancellationToken);
        if (decision.Outcome != DecisionOutcome.Approve)
        {
            await context.Publish(new CommentModerated(context.Message.Comment, decision, context.Message.OpenReports), context.CancellationToken);
        }
    }
}
