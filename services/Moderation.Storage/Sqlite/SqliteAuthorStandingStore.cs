using Microsoft.Data.Sqlite;
using Moderation.Contracts;
using Moderation.Storage.Activity;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteAuthorStandingStore(SqliteDatabase database) : IAuthorStandingStore
{
    public Task<bool> ApplyAsync(AuthorStandingRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO author_standing (site_id, author_id, standing, until, moderator, changed_at)
                    VALUES (@site, @author, @standing, @until, @moderator, @changed)
                    ON CONFLICT (site_id, author_id) DO UPDATE SET
                        standing = excluded.standing, until = excluded.until, moderator = excluded.moderator, changed_at = excluded.changed_at
                    WHERE excluded.changed_at > author_standing.changed_at
                    """,
                    ("@site", record.SiteId),
                    ("@author", record.AuthorId),
                    ("@standing", record.Standing.ToString()),
                    ("@until", record.Until is { } until ? StoredTime.ToMilliseconds(until) : null),
                    ("@moderator", record.ModeratorId),
                    ("@changed", StoredTime.ToMilliseconds(record.ChangedAt)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public Task<AuthorStandingRecord?> GetAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM author_standing WHERE site_id = @site AND author_id = @author", ("@site", siteId), ("@author", authorId));
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    private static AuthorStandingRecord Read(SqliteDataReader reader) => new(
        reader.GetText("site_id"),
        reader.GetText("author_id"),
        reader.GetEnum<AuthorStanding>("standing"),
        reader.IsDBNull(reader.GetOrdinal("until")) ? null : reader.GetTime("until"),
        reader.GetText("moderator"),
        reader.GetTime("changed_at"));
}
