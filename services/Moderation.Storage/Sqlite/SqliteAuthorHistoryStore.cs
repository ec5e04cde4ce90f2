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
                var history = await AppendInAsync(connection, transaction, entry, from, limit, token).ConfigureAwait(false);
                await transaction.CommitAsync(token).ConfigureAwait(false);
                return history;
            },
            cancellationToken);

    /// <summary>Every append in one write transaction, in the order given: the same results as one by one, one commit.</summary>
    public Task<IReadOnlyList<IReadOnlyList<AuthorActivity>>> AppendManyAsync(
        IReadOnlyList<AuthorActivity> entries, TimeSpan window, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return database.RunAsync<IReadOnlyList<IReadOnlyList<AuthorActivity>>>(
            async (connection, token) =>
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                var results = new IReadOnlyList<AuthorActivity>[entries.Count];
                for (var index = 0; index < entries.Count; index++)
                {
                    var entry = entries[index];
                    results[index] = await AppendInAsync(connection, transaction, entry, entry.SubmittedAt - window, limit, token)
                        .ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
                return results;
            },
            cancellationToken);
    }

    private static async Task<IReadOnlyList<AuthorActivity>> AppendInAsync(
        SqliteConnection connection, SqliteTransaction transaction, AuthorActivity entry, DateTimeOffset from, int limit, CancellationToken token)
    {
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
        return await earlier.ReadAllAsync(Read, token).ConfigureAwait(false);
    }

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
