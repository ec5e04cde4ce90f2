using Moderation.Storage.Reports;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteCommentReportStore(SqliteDatabase database) : ICommentReportStore
{
    public Task<ReportTally> AddAsync(CommentReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return database.RunAsync(
            async (connection, token) =>
            {
                bool added;
                await using (var insert = connection.Command(
                    """
                    INSERT INTO comment_reports (comment_id, reporter_id, site_id, reason, note, reported_at, closed)
                    VALUES (@comment, @reporter, @site, @reason, @note, @at, 0)
                    ON CONFLICT (comment_id, reporter_id) DO NOTHING
                    """,
                    ("@comment", report.CommentId.ToKey()),
                    ("@reporter", report.ReporterId),
                    ("@site", report.SiteId),
                    ("@reason", report.Reason),
                    ("@note", report.Note),
                    ("@at", StoredTime.ToMilliseconds(report.ReportedAt))))
                {
                    added = await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
                }

                await using var count = connection.Command(
                    "SELECT COUNT(*) FROM comment_reports WHERE comment_id = @comment AND closed = 0",
                    ("@comment", report.CommentId.ToKey()));
                return new ReportTally(added, Convert.ToInt32(await count.ExecuteScalarAsync(token).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture));
            },
            cancellationToken);
    }

    public Task<int> CloseAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE comment_reports SET closed = 1 WHERE comment_id = @comment AND closed = 0",
                    ("@comment", commentId.ToKey()));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
}
