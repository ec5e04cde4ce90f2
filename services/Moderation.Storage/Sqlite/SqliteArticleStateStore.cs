using Microsoft.Data.Sqlite;
using Moderation.Storage.Articles;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteArticleStateStore(SqliteDatabase database) : IArticleStateStore
{
    public Task<ArticleState> GetAsync(string siteId, string articleId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            (connection, token) => ReadAsync(connection, null, siteId, articleId, token),
            cancellationToken);

    public Task<ArticleState> SetEditorModeAsync(
        string siteId, string articleId, ArticleMode? mode, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using (var command = connection.Command(
                    """
                    INSERT INTO article_state (site_id, article_id, editor_mode, editor_mode_set_at) VALUES (@site, @article, @mode, @at)
                    ON CONFLICT (site_id, article_id) DO UPDATE SET editor_mode = excluded.editor_mode, editor_mode_set_at = excluded.editor_mode_set_at
                    """,
                    ("@site", siteId),
                    ("@article", articleId),
                    ("@mode", mode?.ToString()),
                    ("@at", StoredTime.ToMilliseconds(at))))
                {
                    await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                return await ReadAsync(connection, null, siteId, articleId, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<SubmissionCount> CountSubmissionAsync(
        string siteId, string articleId, DateTimeOffset at, int surgeAbove, TimeSpan quietPeriod, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                // One write transaction: the count, the first comment and the surge move together.
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                var minute = StoredTime.ToMilliseconds(at) / 60_000 * 60_000;
                int count;
                await using (var increment = connection.Command(
                    """
                    INSERT INTO article_minutes (site_id, article_id, minute, count) VALUES (@site, @article, @minute, 1)
                    ON CONFLICT (site_id, article_id, minute) DO UPDATE SET count = count + 1
                    RETURNING count
                    """,
                    ("@site", siteId),
                    ("@article", articleId),
                    ("@minute", minute)))
                {
                    increment.Transaction = transaction;
                    count = Convert.ToInt32(await increment.ExecuteScalarAsync(token).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                }

                var before = await ReadAsync(connection, transaction, siteId, articleId, token).ConfigureAwait(false);
                var surging = surgeAbove > 0 && count > surgeAbove;
                await using (var upsert = connection.Command(
                    """
                    INSERT INTO article_state (site_id, article_id, first_comment_at, surge_until) VALUES (@site, @article, @at, @until)
                    ON CONFLICT (site_id, article_id) DO UPDATE SET
                        first_comment_at = COALESCE(first_comment_at, excluded.first_comment_at),
                        surge_until = CASE WHEN excluded.surge_until IS NULL THEN surge_until
                                           ELSE MAX(COALESCE(surge_until, 0), excluded.surge_until) END
                    """,
                    ("@site", siteId),
                    ("@article", articleId),
                    ("@at", StoredTime.ToMilliseconds(at)),
                    ("@until", surging ? StoredTime.ToMilliseconds(at + quietPeriod) : null)))
                {
                    upsert.Transaction = transaction;
                    await upsert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                var after = await ReadAsync(connection, transaction, siteId, articleId, token).ConfigureAwait(false);
                await transaction.CommitAsync(token).ConfigureAwait(false);
                return new SubmissionCount(after, count, surging && !(before.SurgeUntil > at));
            },
            cancellationToken);

    public Task<IReadOnlyList<ArticleState>> ListEndedSurgesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<ArticleState>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM article_state WHERE surge_until IS NOT NULL AND surge_until <= @now ORDER BY surge_until LIMIT @limit",
                    ("@now", StoredTime.ToMilliseconds(now)),
                    ("@limit", limit));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> ClearSurgeAsync(string siteId, string articleId, DateTimeOffset surgeUntil, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE article_state SET surge_until = NULL WHERE site_id = @site AND article_id = @article AND surge_until = @until",
                    ("@site", siteId),
                    ("@article", articleId),
                    ("@until", StoredTime.ToMilliseconds(surgeUntil)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<long> PruneCountsAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.RunAsync<long>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "DELETE FROM article_minutes WHERE minute < @before", ("@before", StoredTime.ToMilliseconds(before)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    private static async Task<ArticleState> ReadAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string siteId, string articleId, CancellationToken token)
    {
        await using var command = connection.Command(
            "SELECT * FROM article_state WHERE site_id = @site AND article_id = @article", ("@site", siteId), ("@article", articleId));
        command.Transaction = transaction;
        return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false) ?? new ArticleState(siteId, articleId);
    }

    private static ArticleState Read(SqliteDataReader reader) => new(
        reader.GetText("site_id"),
        reader.GetText("article_id"),
        reader.GetNullableString("editor_mode") is { } mode ? Enum.Parse<ArticleMode>(mode) : null,
        NullableTime(reader, "editor_mode_set_at"),
        NullableTime(reader, "surge_until"),
        NullableTime(reader, "first_comment_at"));

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, string column) =>
        reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetTime(column);
}
