using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Reports;

namespace Moderation.Ingestion.Reports;

/// <summary>A moderator's decision on a comment closes its reports: later reports count from zero again.</summary>
public sealed class CloseReportsConsumer(ICommentReportStore reports) :
    IConsumer<CommentApproved>,
    IConsumer<CommentRejected>
{
    public Task Consume(ConsumeContext<CommentApproved> context) =>
        reports.CloseAsync(context.Message.Comment.Id, context.CancellationToken);

    public Task Consume(ConsumeContext<CommentRejected> context) =>
        reports.CloseAsync(context.Message.Comment.Id, context.CancellationToken);
}
