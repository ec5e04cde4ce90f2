using Microsoft.Data.Sqlite;
using Moderation.Storage.Activity;

namespace Moderation.Storage.Sqlite;

/// <summary>
/// One write transaction per append (BEGIN IMMEDIATE takes the file's write lock, across processes too), so appends
/// are serialised and <c>seq</c> is the append order.
/// </summary>
internal sealed class SqliteAuthorHistoryStore(SqliteDatabase database) : IAuthorHistoryStore
{
    public Task<IReadOnlyList<AuthorActivity>> AppendAsync(
        AuthorActivity entry, DateTimeOffset from, int limit, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<AuthorActivity>>(
            async (connection, token) =>
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                await using (var insert = connection.Command(
                    """
                    INSERT INTO author_history (comment_id, site_id, author_id, submitted_at, text)
                    VALUES (@id, @site, @author, @submitted, @text)
                    ON CONFLICT (comment_id) DO NOTHING
                    """,
                    ("@id", entry.CommentId.ToKey()),
                    ("@site", entry.SiteId),
                    ("@author", entry.AuthorId),
                    ("@submitted", StoredTime.ToMilliseconds(entry.SubmittedAt)),
                    ("@text", entry.Text)))
                {
                    insert.Transaction = transaction;
                    await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using var earlier = connection.Command(
                    """
                    SELECT * FROM (
                        SELECT * FROM author_history
                        WHERE site_id = @site AND author_id = @author AND submitted_at >= @from
                          AND seq < (SELECT seq FROM author_history WHERE comment_id = @id)
                        ORDER BY seq DESC LIMIT @limit)
                    ORDER BY seq
                    """,
                    ("@id", entry.CommentId.ToKey()),
                    ("@site", entry.SiteId),
                    ("@author", entry.AuthorId),
                    ("@from", StoredTime.ToMilliseconds(from)),
                    ("@limit", limit));
                earlier.Transaction = transaction;
                var history = await earlier.ReadAllAsync(Read, token).ConfigureAwait(false);
                await transaction.CommitAsync(token).ConfigureAwait(false);
                return history;
            },
            cancellationToken);

    public Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.RunAsync<long>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "DELETE FROM author_history WHERE submitted_at < @before",
                    ("@before", StoredTime.ToMilliseconds(before)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    private static AuthorActivity Read(SqliteDataReader reader) => new(
        reader.GetGuid("comment_id"),
        reader.GetText("site_id"),
        reader.GetText("author_id"),
        reader.GetTime("submitted_at"),
        reader.GetText("text"));
}
