using Microsoft.Data.Sqlite;
using Moderation.Storage.Review;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteReviewBulkActionStore(SqliteDatabase database) : IReviewBulkActionStore
{
    private const string Columns = "id, site_id, moderator, action, count, created_at, undo_until, undone_at";

    public Task AddAsync(ReviewBulkAction action, IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO review_bulk_actions (id, site_id, moderator, action, count, ids, created_at, undo_until)
                    VALUES (@id, @site, @moderator, @action, @count, @ids, @created, @until)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    ("@id", action.Id.ToKey()),
                    ("@site", action.SiteId),
                    ("@moderator", action.Moderator),
                    ("@action", action.Action),
                    ("@count", action.Count),
                    ("@ids", SqliteJson.Serialize(ids)),
                    ("@created", StoredTime.ToMilliseconds(action.CreatedAt)),
                    ("@until", StoredTime.ToMilliseconds(action.UndoUntil)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<ReviewBulkAction?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT {Columns} FROM review_bulk_actions WHERE id = @id", ("@id", id.ToKey()));
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<Guid>> GetIdsAsync(Guid id, CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<Guid>>(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT ids FROM review_bulk_actions WHERE id = @id", ("@id", id.ToKey()));
                var rows = await command.ReadAllAsync(reader => SqliteJson.Deserialize<List<Guid>>(reader.GetString(0)), token).ConfigureAwait(false);
                return rows.Count == 0 ? [] : rows[0];
            },
            cancellationToken);

    public Task<IReadOnlyList<ReviewBulkAction>> ListOpenAsync(string siteId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return database.RunAsync<IReadOnlyList<ReviewBulkAction>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    $"""
                    SELECT {Columns} FROM review_bulk_actions
                    WHERE site_id = @site AND undo_until > @now AND undone_at IS NULL
                    ORDER BY created_at DESC, id DESC LIMIT @limit
                    """,
                    ("@site", siteId),
                    ("@now", StoredTime.ToMilliseconds(now)),
                    ("@limit", limit));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<bool> MarkUndoneAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE review_bulk_actions SET undone_at = @at WHERE id = @id AND undone_at IS NULL",
                    ("@id", id.ToKey()),
                    ("@at", StoredTime.ToMilliseconds(at)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "DELETE FROM review_bulk_actions WHERE undo_until < @before", ("@before", StoredTime.ToMilliseconds(before)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    private static ReviewBulkAction Read(SqliteDataReader reader) => new(
        reader.GetGuid("id"),
        reader.GetText("site_id"),
        reader.GetText("moderator"),
        reader.GetText("action"),
        reader.GetInt32(reader.GetOrdinal("count")),
        reader.GetTime("created_at"),
        reader.GetTime("undo_until"),
        reader.IsDBNull(reader.GetOrdinal("undone_at")) ? null : reader.GetTime("undone_at"));
}
