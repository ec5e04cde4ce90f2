using Microsoft.Data.Sqlite;
using Moderation.Contracts;
using Moderation.Storage.Comments;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteCommentStatusStore(SqliteDatabase database) : ICommentStatusStore
{
    public Task<bool> TryCreateAsync(CommentStatusRecord record, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO comment_status (id, site_id, article_id, author_id, status, submitted_at, decision, review)
                    VALUES (@id, @site, @article, @author, @status, @submitted, @decision, @review)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    ("@id", record.Id.ToKey()),
                    ("@site", record.SiteId),
                    ("@article", record.ArticleId),
                    ("@author", record.AuthorId),
                    ("@status", record.Status.ToString()),
                    ("@submitted", StoredTime.ToMilliseconds(record.SubmittedAt)),
                    ("@decision", SqliteJson.Serialize(record.Decision)),
                    ("@review", SqliteJson.Serialize(record.Review)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<CommentStatusRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM comment_status WHERE id = @id", ("@id", id.ToKey()));
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public async Task<IReadOnlyList<CommentStatusRecord>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0
            ? []
            : await database.RunAsync(
                async (connection, token) =>
                {
                    await using var command = connection.Command(
                        "SELECT * FROM comment_status WHERE id IN (SELECT value FROM json_each(@ids))",
                        ("@ids", SqliteJson.Serialize(ids.Select(id => id.ToKey()).ToList())));
                    return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

    public Task<bool> ApplyModerationAsync(
        Guid id, CommentStatus status, ModerationDecision decision, CancellationToken cancellationToken = default)
    {
        CommentStatusTransitions.EnsureModerationOutcome(status);
        return UpdateAsync(
            "UPDATE comment_status SET status = @status, decision = @payload WHERE id = @id AND status = 'Pending'",
            id, status, SqliteJson.Serialize(decision), cancellationToken);
    }

    public Task ApplyModerationsAsync(IReadOnlyList<ModerationStatusUpdate> updates, CancellationToken cancellationToken = default)
    {
        foreach (var update in updates)
        {
            CommentStatusTransitions.EnsureModerationOutcome(update.Status);
        }

        return database.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                foreach (var (pending, status, decision) in updates)
                {
                    await using var insert = connection.Command(
                        """
                        INSERT INTO comment_status (id, site_id, article_id, author_id, status, submitted_at)
                        VALUES (@id, @site, @article, @author, 'Pending', @submitted)
                        ON CONFLICT (id) DO NOTHING
                        """,
                        ("@id", pending.Id.ToKey()),
                        ("@site", pending.SiteId),
                        ("@article", pending.ArticleId),
                        ("@author", pending.AuthorId),
                        ("@submitted", StoredTime.ToMilliseconds(pending.SubmittedAt)));
                    insert.Transaction = transaction;
                    await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);

                    await using var apply = connection.Command(
                        "UPDATE comment_status SET status = @status, decision = @payload WHERE id = @id AND status = 'Pending'",
                        ("@id", pending.Id.ToKey()), ("@status", status.ToString()), ("@payload", SqliteJson.Serialize(decision)));
                    apply.Transaction = transaction;
                    await apply.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
                return updates.Count;
            },
            cancellationToken);
    }

    public Task<bool> MarkDeletedAsync(Guid id, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            "UPDATE comment_status SET status = @status, outbox = NULL, outbox_due_at = NULL WHERE id = @id AND status <> @status",
            id, CommentStatus.Deleted, null, cancellationToken);

    public Task<bool> ApplyRedecisionAsync(
        Guid id, CommentStatus status, ModerationDecision decision, CancellationToken cancellationToken = default)
    {
        CommentStatusTransitions.EnsureRedecisionOutcome(status);
        return UpdateAsync(
            """
            UPDATE comment_status SET status = @status, decision = @payload
            WHERE id = @id AND review IS NULL AND (status IN ('Pending', 'Approved') OR (status = 'Flagged' AND @status = 'Rejected'))
            """,
            id, status, SqliteJson.Serialize(decision), cancellationToken);
    }

    public Task<bool> ApplyReviewAsync(
        Guid id, CommentStatus status, ModeratorDecision review, CancellationToken cancellationToken = default)
    {
        CommentStatusTransitions.EnsureReviewOutcome(status);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    UPDATE comment_status SET status = @status, review = @payload
                    WHERE id = @id AND status <> 'Deleted' AND (status IN ('Pending', 'Flagged') OR review IS NULL
                        OR (COALESCE(json_extract(review, '$.sequence'), 1), json_extract(review, '$.decidedAt')) < (@seq, @at))
                    """,
                    ("@id", id.ToKey()),
                    ("@status", status.ToString()),
                    ("@payload", SqliteJson.Serialize(review)),
                    ("@seq", review.Sequence),
                    ("@at", StoredTime.ToMilliseconds(review.DecidedAt)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    // The status condition sits in the UPDATE itself, so a concurrent replay cannot slip between a read and a write.
    private Task<bool> UpdateAsync(string sql, Guid id, CommentStatus status, string? payload, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    sql, ("@id", id.ToKey()), ("@status", status.ToString()), ("@payload", payload));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    private static CommentStatusRecord Read(SqliteDataReader reader) => new(
        reader.GetGuid("id"),
        reader.GetText("site_id"),
        reader.GetText("article_id"),
        reader.GetText("author_id"),
        reader.GetEnum<CommentStatus>("status"),
        reader.GetTime("submitted_at"),
        reader.GetJson<ModerationDecision>("decision"),
        reader.GetJson<ModeratorDecision>("review"));
}
