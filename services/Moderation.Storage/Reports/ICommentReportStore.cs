namespace Moderation.Storage.Reports;

/// <summary>Owned by the Ingestion API: readers' reports, one per reporter and comment.</summary>
public interface ICommentReportStore
{
    /// <summary>
    /// Records the report unless its reporter already reported the comment (one unique key, so two identical reports at
    /// once count once), then counts the comment's open reports.
    /// </summary>
    Task<ReportTally> AddAsync(CommentReport report, CancellationToken cancellationToken = default);

    /// <summary>Closes the comment's open reports (a moderator decided it). Returns how many it closed; a replay closes none.</summary>
    Task<int> CloseAsync(Guid commentId, CancellationToken cancellationToken = default);
}
