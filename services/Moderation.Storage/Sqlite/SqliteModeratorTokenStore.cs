using Microsoft.Data.Sqlite;
using Moderation.Storage.Review;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteModeratorTokenStore(SqliteDatabase database) : IModeratorTokenStore
{
    public Task<bool> AddAsync(ModeratorToken token, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, cancel) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO moderator_tokens (id, token_hash, username, name, created_at, revoked)
                    VALUES (@id, @hash, @username, @name, @created, @revoked)
                    ON CONFLICT DO NOTHING
                    """,
                    ("@id", token.Id.ToKey()),
                    ("@hash", token.TokenHash),
                    ("@username", token.Username),
                    ("@name", token.Name),
                    ("@created", StoredTime.ToMilliseconds(token.CreatedAt)),
                    ("@revoked", token.Revoked ? 1 : 0));
                return await command.ExecuteNonQueryAsync(cancel).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<ModeratorToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM moderator_tokens WHERE token_hash = @hash", ("@hash", tokenHash));
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<ModeratorToken>> ListAsync(string username, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<ModeratorToken>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM moderator_tokens WHERE username = @username ORDER BY created_at, id", ("@username", username));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE moderator_tokens SET revoked = 1 WHERE id = @id AND revoked = 0", ("@id", id.ToKey()));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    private static ModeratorToken Read(SqliteDataReader reader) => new(
        reader.GetGuid("id"),
        reader.GetText("username"),
        reader.GetText("name"),
        reader.GetText("token_hash"),
        reader.GetTime("created_at"),
        reader.GetInt64(reader.GetOrdinal("revoked")) != 0);
}
