using Moderation.Storage.Stats;

namespace Moderation.Storage.Sqlite;

/// <summary>One grouped query over comment_status (its site and time index), reports looked up per comment.</summary>
internal sealed class SqliteSiteStatsStore(SqliteDatabase database) : ISiteStatsStore
{
    public Task<IReadOnlyList<StatsRow>> CountAsync(
        string siteId, DateTimeOffset from, DateTimeOffset to, StatsGrouping by, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<StatsRow>>(
            async (connection, token) =>
            {
                var key = by == StatsGrouping.Article ? "s.article_id" : "strftime('%Y-%m-%d', s.submitted_at / 1000, 'unixepoch')";
                await using var command = connection.Command(
                    $"""
                    SELECT {key} AS k,
                           COUNT(*) AS submitted,
                           SUM(json_extract(s.decision, '$.outcome') = 'Approve') AS approved,
                           SUM(json_extract(s.decision, '$.outcome') = 'Flag') AS flagged,
                           SUM(json_extract(s.decision, '$.outcome') = 'Reject') AS rejected,
                           SUM(EXISTS (SELECT 1 FROM comment_reports r WHERE r.comment_id = s.id)) AS reported,
                           SUM(s.review IS NOT NULL) AS decided
                    FROM comment_status s
                    WHERE s.site_id = @site AND s.submitted_at >= @from AND s.submitted_at < @to
                    GROUP BY k ORDER BY k
                    """,
                    ("@site", siteId),
                    ("@from", StoredTime.ToMilliseconds(from)),
                    ("@to", StoredTime.ToMilliseconds(to)));
                return await command.ReadAllAsync(
                    reader => new StatsRow(
                        reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                        reader.GetInt64(5), reader.GetInt64(6)),
                    token).ConfigureAwait(false);
            },
            cancellationToken);
}
