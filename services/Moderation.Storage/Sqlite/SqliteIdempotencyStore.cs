using Microsoft.Data.Sqlite;
using Moderation.Storage.Comments;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteIdempotencyStore(SqliteDatabase database) : IIdempotencyStore
{
    public Task<IdempotencyRecord> GetOrAddAsync(IdempotencyRecord candidate, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                // The insert is one atomic statement, so whichever caller wins, every caller then reads the winner's row.
                await using (var insert = connection.Command(
                    """
                    INSERT INTO idempotency_keys (site_id, key, request_hash, comment_id, created_at, published)
                    VALUES (@site, @key, @hash, @comment, @created, @published)
                    ON CONFLICT (site_id, key) DO NOTHING
                    """,
                    ("@site", candidate.SiteId),
                    ("@key", candidate.Key),
                    ("@hash", candidate.RequestHash),
                    ("@comment", candidate.CommentId.ToKey()),
                    ("@created", StoredTime.ToMilliseconds(candidate.CreatedAt)),
                    ("@published", candidate.Published)))
                {
                    await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using var select = connection.Command(
                    "SELECT * FROM idempotency_keys WHERE site_id = @site AND key = @key",
                    ("@site", candidate.SiteId),
                    ("@key", candidate.Key));
                return await select.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The idempotency record vanished between insert and read.");
            },
            cancellationToken);

    public Task MarkPublishedAsync(string siteId, string key, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE idempotency_keys SET published = 1 WHERE site_id = @site AND key = @key",
                    ("@site", siteId),
                    ("@key", key));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    private static IdempotencyRecord Read(SqliteDataReader reader) => new(
        reader.GetText("site_id"),
        reader.GetText("key"),
        reader.GetText("request_hash"),
        reader.GetGuid("comment_id"),
        reader.GetTime("created_at"),
        reader.GetBoolean(reader.GetOrdinal("published")));
}
