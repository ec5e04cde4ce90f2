using Microsoft.Data.Sqlite;
using Moderation.Storage.Review;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteModeratorAccountStore(SqliteDatabase database) : IModeratorAccountStore
{
    public Task<bool> CreateAsync(ModeratorAccount account, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO moderator_accounts (username, password_hash, role, sites, disabled, created_at)
                    VALUES (@username, @hash, @role, @sites, @disabled, @created)
                    ON CONFLICT (username) DO NOTHING
                    """,
                    ("@username", account.Username),
                    ("@hash", account.PasswordHash),
                    ("@role", account.Role.ToString()),
                    ("@sites", SqliteJson.Serialize(account.Sites)),
                    ("@disabled", account.Disabled ? 1 : 0),
                    ("@created", StoredTime.ToMilliseconds(account.CreatedAt)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<ModeratorAccount?> GetAsync(string username, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM moderator_accounts WHERE username = @username", ("@username", username));
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<ModeratorAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<ModeratorAccount>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT * FROM moderator_accounts ORDER BY username");
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT COUNT(*) FROM moderator_accounts");
                return (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            },
            cancellationToken);

    public Task<bool> UpdateAsync(
        string username, ModeratorRole role, IReadOnlyList<string> sites, bool disabled, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE moderator_accounts SET role = @role, sites = @sites, disabled = @disabled WHERE username = @username",
            cancellationToken,
            ("@username", username),
            ("@role", role.ToString()),
            ("@sites", SqliteJson.Serialize(sites)),
            ("@disabled", disabled ? 1 : 0));

    public Task<bool> SetPasswordHashAsync(string username, string passwordHash, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE moderator_accounts SET password_hash = @hash WHERE username = @username",
            cancellationToken,
            ("@username", username),
            ("@hash", passwordHash));

    private Task<bool> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(sql, parameters);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    private static ModeratorAccount Read(SqliteDataReader reader) => new(
        reader.GetText("username"),
        reader.GetText("password_hash"),
        reader.GetEnum<ModeratorRole>("role"),
        SqliteJson.Deserialize<List<string>>(reader.GetText("sites")),
        reader.GetInt64(reader.GetOrdinal("disabled")) != 0,
        reader.GetTime("created_at"));
}
