using Microsoft.Data.Sqlite;
using Moderation.Storage.Activity;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteAuthorActivityStore(SqliteDatabase database) : IAuthorActivityStore
{
    public Task RecordAsync(AuthorActivity activity, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO author_activity (comment_id, site_id, author_id, submitted_at, text)
                    VALUES (@id, @site, @author, @submitted, @text)
                    ON CONFLICT (comment_id) DO NOTHING
                    """,
                    ("@id", activity.CommentId.ToKey()),
                    ("@site", activity.SiteId),
                    ("@author", activity.AuthorId),
                    ("@submitted", StoredTime.ToMilliseconds(activity.SubmittedAt)),
                    ("@text", activity.Text));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<AuthorActivity>> ListAsync(
        string siteId, string authorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<AuthorActivity>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    SELECT * FROM author_activity
                    WHERE site_id = @site AND author_id = @author AND submitted_at BETWEEN @from AND @to
                    ORDER BY submitted_at, comment_id
                    """,
                    ("@site", siteId),
                    ("@author", authorId),
                    ("@from", StoredTime.ToMilliseconds(from)),
                    ("@to", StoredTime.ToMilliseconds(to)));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.RunAsync<long>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "DELETE FROM author_activity WHERE submitted_at < @before",
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
