using Microsoft.Data.Sqlite;
using Moderation.Storage.Comments;

namespace Moderation.Storage.Sqlite;

/// <summary>The submission outbox in <c>comment_status</c>'s outbox columns; SQLite's one writer makes each claim atomic.</summary>
internal sealed class SqliteSubmissionOutboxStore(SqliteDatabase database) : ISubmissionOutboxStore
{
    public Task<bool> TryAcceptAsync(CommentStatusRecord record, OutgoingSubmission outgoing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(outgoing);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO comment_status
                        (id, site_id, article_id, author_id, status, submitted_at, outbox, outbox_due_at, outbox_attempts)
                    VALUES (@id, @site, @article, @author, @status, @submitted, @outbox, @submitted, 0)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    ("@id", record.Id.ToKey()),
                    ("@site", record.SiteId),
                    ("@article", record.ArticleId),
                    ("@author", record.AuthorId),
                    ("@status", record.Status.ToString()),
                    ("@submitted", StoredTime.ToMilliseconds(record.SubmittedAt)),
                    ("@outbox", SqliteJson.Serialize(StoredSubmission.From(outgoing))));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<OutgoingSubmission>> ClaimAsync(
        int limit, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.RunAsync<IReadOnlyList<OutgoingSubmission>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    UPDATE comment_status SET outbox_due_at = @until, outbox_attempts = outbox_attempts + 1
                    WHERE id IN (
                        SELECT id FROM comment_status WHERE outbox_due_at IS NOT NULL AND outbox_due_at <= @now
                        ORDER BY outbox_due_at, id LIMIT @limit)
                    RETURNING outbox, outbox_attempts, submitted_at
                    """,
                    ("@now", StoredTime.ToMilliseconds(now)),
                    ("@until", StoredTime.ToMilliseconds(leaseUntil)),
                    ("@limit", limit));
                var claimed = await command.ReadAllAsync(
                    reader => (Submitted: reader.GetInt64(reader.GetOrdinal("submitted_at")),
                        Outgoing: SqliteJson.Deserialize<StoredSubmission>(reader.GetText("outbox"))
                            .ToOutgoing(reader.GetInt32(reader.GetOrdinal("outbox_attempts")))),
                    token).ConfigureAwait(false);

                // RETURNING gives no order; oldest first, as claimed.
                return [.. claimed.OrderBy(row => row.Submitted).ThenBy(row => row.Outgoing.CommentId).Select(row => row.Outgoing)];
            },
            cancellationToken);
    }

    public Task MarkSentAsync(IReadOnlyCollection<Guid> commentIds, CancellationToken cancellationToken = default) =>
        UpdateManyAsync("UPDATE comment_status SET outbox = NULL, outbox_due_at = NULL WHERE id = @id", commentIds, null, cancellationToken);

    public Task ReleaseAsync(IReadOnlyCollection<Guid> commentIds, DateTimeOffset retryAt, CancellationToken cancellationToken = default) =>
        UpdateManyAsync(
            "UPDATE comment_status SET outbox_due_at = @at WHERE id = @id AND outbox_due_at IS NOT NULL",
            commentIds,
            StoredTime.ToMilliseconds(retryAt),
            cancellationToken);

    public Task<long> CountUnsentAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT COUNT(*) FROM comment_status WHERE outbox_due_at IS NOT NULL");
                return (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            },
            cancellationToken);

    private Task UpdateManyAsync(string sql, IReadOnlyCollection<Guid> commentIds, long? at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commentIds);
        if (commentIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                await using var command = at is { } time ? connection.Command(sql, ("@at", time)) : connection.Command(sql);
                command.Transaction = transaction;
                var id = command.Parameters.Add("@id", SqliteType.Text);
                foreach (var commentId in commentIds)
                {
                    id.Value = commentId.ToKey();
                    await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
                return commentIds.Count;
            },
            cancellationToken);
    }
}
