using MassTransit;
using Moderation.Ingestion.Messaging;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage;
using Moderation.Storage.Comments;
using Moderation.Storage.Reports;

namespace Moderation.Ingestion.Reports;

/// <summary>
/// Records a reader's report (one per reporter and comment) and publishes <see cref="CommentReported"/> with the count
/// and what the site's thresholds make of it. The event is published on every call, a repeated report included, so a
/// client retrying after a 503 re-sends the event that the broker did not confirm; every consumer takes it once.
/// </summary>
public sealed class CommentReporter(
    ICommentStatusStore statuses,
    ICommentReportStore reports,
    SiteRegistry sites,
    IPublishEndpoint publisher,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<CommentReporter> logger)
{
    public async Task<ReportResult> ReportAsync(
        string siteId, Guid commentId, string reporterId, string reason, string? note, CancellationToken cancellationToken)
    {
        var record = await statuses.GetAsync(commentId, cancellationToken);
        // A comment its author deleted is gone for readers too: there is nothing left to report.
        if (record is null || record.SiteId != siteId || record.Status == CommentStatus.Deleted)
        {
            return new ReportResult(ReportOutcome.NotFound);
        }

        var now = StoredTime.Truncate(clock.GetUtcNow());
        var tally = await reports.AddAsync(new CommentReport(commentId, siteId, reporterId, reason, note, now), cancellationToken);

        // Only a published comment goes to the reported view or is hidden; a held one is already before a moderator.
        var thresholds = sites.Find(siteId)?.Reports ?? new ReportOptions();
        var published = record.Status == CommentStatus.Approved;
        var reported = new CommentReported(
            commentId,
            siteId,
            record.ArticleId,
            record.AuthorId,
            reporterId,
            reason,
            tally.OpenReports,
            NeedsReview: published && tally.OpenReports >= thresholds.Threshold,
            Hidden: published && tally.OpenReports >= thresholds.HideThreshold,
            now,
            record.Decision);

        return await TryPublishAsync(reported, cancellationToken)
            ? new ReportResult(ReportOutcome.Accepted, tally)
            : new ReportResult(ReportOutcome.BrokerUnavailable, tally);
    }

    /// <summary>The publish is bounded like a submission's: a broker that is down answers 503 rather than a hung request.</summary>
    private async Task<bool> TryPublishAsync(CommentReported message, CancellationToken cancellationToken)
    {
        var timeout = options.Value.PublishTimeout;
        if (await publisher.TryPublishWithinAsync(message, timeout, cancellationToken) is not { } failure)
        {
            return true;
        }

        logger.LogWarning(failure, "The broker did not confirm the report of comment {CommentId} within {Timeout}", message.CommentId, timeout);
        return false;
    }
}
