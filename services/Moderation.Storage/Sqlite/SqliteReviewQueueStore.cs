using Microsoft.Data.Sqlite;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteReviewQueueStore(SqliteDatabase database) : IReviewQueueStore
{
    public Task<bool> AddAsync(ReviewItem item, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO review_queue (comment_id, site_id, status, queued_at, comment, decision, review)
                    VALUES (@id, @site, @status, @queued, @comment, @decision, @review)
                    ON CONFLICT (comment_id) DO NOTHING
                    """,
                    ("@id", item.Comment.Id.ToKey()),
                    ("@site", item.Comment.SiteId),
                    ("@status", item.Status.ToString()),
                    ("@queued", StoredTime.ToMilliseconds(item.QueuedAt)),
                    ("@comment", SqliteJson.Serialize(item.Comment)),
                    ("@decision", SqliteJson.Serialize(item.Decision)),
                    ("@review", SqliteJson.Serialize(item.Review)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<ReviewItem?> GetAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM review_queue WHERE comment_id = @id", ("@id", commentId.ToKey()));
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<ReviewItem>> ListPendingAsync(string siteId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return database.RunAsync<IReadOnlyList<ReviewItem>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    SELECT * FROM review_queue
                    WHERE site_id = @site AND status = 'Pending'
                    ORDER BY queued_at, comment_id
                    LIMIT @limit
                    """,
                    ("@site", siteId),
                    ("@limit", limit));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<bool> DecideAsync(
        Guid commentId, ReviewItemStatus status, ModeratorDecision review, CancellationToken cancellationToken = default)
    {
        ReviewDecisions.EnsureDecided(status);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE review_queue SET status = @status, review = @review WHERE comment_id = @id AND status = 'Pending'",
                    ("@id", commentId.ToKey()),
                    ("@status", status.ToString()),
                    ("@review", SqliteJson.Serialize(review)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    private static ReviewItem Read(SqliteDataReader reader) => new(
        reader.GetJson<Comment>("comment")!,
        reader.GetJson<ModerationDecision>("decision")!,
        reader.GetTime("queued_at"),
        reader.GetEnum<ReviewItemStatus>("status"),
        reader.GetJson<ModeratorDecision>("review"));
}
