using Microsoft.Data.Sqlite;
using Moderation.Storage.Review;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteModeratorSessionStore(SqliteDatabase database) : IModeratorSessionStore
{
    public Task<bool> AddAsync(ModeratorSession session, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO moderator_sessions (key_hash, username, created_at, revoked)
                    VALUES (@hash, @username, @created, @revoked)
                    ON CONFLICT DO NOTHING
                    """,
                    ("@hash", session.KeyHash),
                    ("@username", session.Username),
                    ("@created", StoredTime.ToMilliseconds(session.CreatedAt)),
                    ("@revoked", session.Revoked ? 1 : 0));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<ModeratorSession?> FindAsync(string keyHash, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT * FROM moderator_sessions WHERE key_hash = @hash", ("@hash", keyHash));
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> RevokeAsync(string keyHash, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE moderator_sessions SET revoked = 1 WHERE key_hash = @hash AND revoked = 0", ("@hash", keyHash));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<long> RevokeAllAsync(string username, string? exceptKeyHash = null, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE moderator_sessions SET revoked = 1 WHERE username = @username AND revoked = 0 AND key_hash <> @except",
                    ("@username", username),
                    ("@except", exceptKeyHash ?? string.Empty));
                return (long)await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    private static ModeratorSession Read(SqliteDataReader reader) => new(
        reader.GetText("key_hash"),
        reader.GetText("username"),
        reader.GetTime("created_at"),
        reader.GetInt64(reader.GetOrdinal("revoked")) != 0);
}
