using Microsoft.Data.Sqlite;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteReviewQueueStore(SqliteDatabase database) : IReviewQueueStore
{
    // A lease is held while its expiry is in the future; NULL or past means anyone may claim the item.
    private const string Unleased = "(lease_expires_at IS NULL OR lease_expires_at <= @now)";

    public Task<bool> WithdrawAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "DELETE FROM review_queue WHERE comment_id = @id AND status = 'Pending'", ("@id", commentId.ToKey()));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<bool> AddAsync(ReviewItem item, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO review_queue (comment_id, site_id, status, queued_at, comment, decision, review, leased_by, lease_expires_at)
                    VALUES (@id, @site, @status, @queued, @comment, @decision, @review, @leased_by, @lease_expires)
                    ON CONFLICT (comment_id) DO NOTHING
                    """,
                    ("@id", item.Comment.Id.ToKey()),
                    ("@site", item.Comment.SiteId),
                    ("@status", item.Status.ToString()),
                    ("@queued", StoredTime.ToMilliseconds(item.QueuedAt)),
                    ("@comment", SqliteJson.Serialize(item.Comment)),
                    ("@decision", SqliteJson.Serialize(item.Decision)),
                    ("@review", SqliteJson.Serialize(item.Review)),
                    ("@leased_by", item.Lease?.Moderator),
                    ("@lease_expires", item.Lease is null ? null : StoredTime.ToMilliseconds(item.Lease.ExpiresAt)));
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

    public Task<bool> RecordReportsAsync(ReviewItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfLessThan(item.Reports, 1);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO review_queue (comment_id, site_id, status, queued_at, comment, decision, reports)
                    VALUES (@id, @site, 'Pending', @queued, @comment, @decision, @reports)
                    ON CONFLICT (comment_id) DO UPDATE SET reports = excluded.reports
                    WHERE review_queue.status = 'Pending' AND review_queue.reports < excluded.reports
                    """,
                    ("@id", item.Comment.Id.ToKey()),
                    ("@site", item.Comment.SiteId),
                    ("@queued", StoredTime.ToMilliseconds(item.QueuedAt)),
                    ("@comment", SqliteJson.Serialize(item.Comment)),
                    ("@decision", SqliteJson.Serialize(item.Decision)),
                    ("@reports", item.Reports));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewItem>> QueryPendingAsync(ReviewQueueQuery query, CancellationToken cancellationToken = default)
    {
        query.EnsureValid();
        return database.RunAsync<IReadOnlyList<ReviewItem>>(
            async (connection, token) =>
            {
                await using var command = QueryPendingCommand(connection, query);
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>The pending list's query; internal so a test can check it reads ix_review_queue_pending (pending items only).</summary>
    internal static SqliteCommand QueryPendingCommand(SqliteConnection connection, ReviewQueueQuery query)
    {
        var command = connection.Command(
            $"SELECT * FROM review_queue WHERE {Filters(query)} ORDER BY {OrderBy(query.Order)} LIMIT @limit OFFSET @offset");
        BindFilters(command, query);
        command.Parameters.AddWithValue("@limit", query.Limit);
        command.Parameters.AddWithValue("@offset", query.Offset);
        return command;
    }

    public Task<long> CountPendingAsync(string siteId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT COUNT(*) FROM review_queue WHERE site_id = @site AND status = 'Pending'", ("@site", siteId));
                return (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            },
            cancellationToken);

    public Task<long> CountMatchingAsync(ReviewQueueQuery query, CancellationToken cancellationToken = default)
    {
        query.EnsureValid();
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command($"SELECT COUNT(*) FROM review_queue WHERE {Filters(query)}");
                BindFilters(command, query);
                return (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            },
            cancellationToken);
    }

    public Task<ReviewQueueCounts> CountPendingByAsync(string siteId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                const string Pending = "site_id = @site AND status = 'Pending'";
                await using var totals = connection.Command(
                    $"SELECT COUNT(*) AS n, MIN(queued_at) AS oldest FROM review_queue WHERE {Pending}", ("@site", siteId));
                var total = (await totals.ReadAllAsync(
                    reader => Tuple.Create(reader.GetInt64(0), reader.IsDBNull(1) ? (DateTimeOffset?)null : reader.GetTime("oldest")), token).ConfigureAwait(false))[0];
                return new ReviewQueueCounts(
                    total.Item1,
                    total.Item2,
                    await CountAsync(connection, $"SELECT json_extract(hit.value, '$.category') AS k, COUNT(DISTINCT comment_id) AS n FROM review_queue, json_each(decision, '$.hits') AS hit WHERE {Pending} GROUP BY k ORDER BY n DESC, k", siteId, token).ConfigureAwait(false),
                    await CountAsync(connection, $"SELECT json_extract(hit.value, '$.rule') AS k, COUNT(DISTINCT comment_id) AS n FROM review_queue, json_each(decision, '$.hits') AS hit WHERE {Pending} GROUP BY k ORDER BY n DESC, k", siteId, token).ConfigureAwait(false),
                    await CountAsync(connection, $"SELECT json_extract(comment, '$.articleId') AS k, COUNT(*) AS n FROM review_queue WHERE {Pending} GROUP BY k ORDER BY n DESC, k LIMIT {ReviewQueueCounts.MaxArticles}", siteId, token).ConfigureAwait(false));
            },
            cancellationToken);

    public Task<bool> DecideAsync(
        Guid commentId,
        ReviewItemStatus status,
        ModeratorDecision review,
        DateTimeOffset now,
        ReviewAuditEntry? audit = null,
        CancellationToken cancellationToken = default)
    {
        ReviewDecisions.EnsureDecided(status);
        ArgumentNullException.ThrowIfNull(review);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    $"""
                    UPDATE review_queue SET status = @status, review = @review, leased_by = NULL, lease_expires_at = NULL,
                                            decision_unsent = 1, decided_at = @decided, audit = @audit
                    WHERE comment_id = @id AND status = 'Pending' AND ({Unleased} OR leased_by = @moderator)
                    """,
                    ("@id", commentId.ToKey()),
                    ("@status", status.ToString()),
                    ("@review", SqliteJson.Serialize(review)),
                    ("@decided", StoredTime.ToMilliseconds(review.DecidedAt)),
                    ("@audit", SqliteJson.Serialize(audit)),
                    ("@moderator", review.ModeratorId),
                    ("@now", StoredTime.ToMilliseconds(now)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public Task<bool> RedecideAsync(
        Guid commentId,
        ReviewItemStatus status,
        ModeratorDecision review,
        long expectedSequence,
        ReviewAuditEntry audit,
        CancellationToken cancellationToken = default)
    {
        ReviewDecisions.EnsureDecided(status);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(audit);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    UPDATE review_queue SET status = @status, review = @review, decision_unsent = 1, decided_at = @decided, audit = @audit
                    WHERE comment_id = @id AND status <> 'Pending' AND decision_unsent = 0
                      AND coalesce(json_extract(review, '$.sequence'), 1) = @expected
                    """,
                    ("@id", commentId.ToKey()),
                    ("@status", status.ToString()),
                    ("@review", SqliteJson.Serialize(review)),
                    ("@decided", StoredTime.ToMilliseconds(review.DecidedAt)),
                    ("@audit", SqliteJson.Serialize(audit)),
                    ("@expected", expectedSequence));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewItem>> QueryDecidedAsync(
        string siteId, ReviewItemStatus? outcome, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return database.RunAsync<IReadOnlyList<ReviewItem>>(
            async (connection, token) =>
            {
                // "status <> 'Pending'" spelled out so ix_review_queue_site_decided (decided items only) serves it.
                await using var command = connection.Command(
                    """
                    SELECT * FROM review_queue
                    WHERE site_id = @site AND status <> 'Pending' AND (@outcome IS NULL OR status = @outcome)
                    ORDER BY decided_at DESC, comment_id DESC LIMIT @limit OFFSET @offset
                    """,
                    ("@site", siteId),
                    ("@outcome", outcome?.ToString()),
                    ("@limit", limit),
                    ("@offset", offset));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewItem>> ListUnsentDecisionsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return database.RunAsync<IReadOnlyList<ReviewItem>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM review_queue WHERE decision_unsent = 1 ORDER BY decided_at, comment_id LIMIT @limit",
                    ("@limit", limit));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<long> PruneDecidedAsync(DateTimeOffset decidedBefore, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "DELETE FROM review_queue WHERE status <> 'Pending' AND decision_unsent = 0 AND decided_at < @before",
                    ("@before", StoredTime.ToMilliseconds(decidedBefore)));
                return (long)await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> MarkDecisionSentAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE review_queue SET decision_unsent = 0 WHERE comment_id = @id AND decision_unsent = 1",
                    ("@id", commentId.ToKey()));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    // One UPDATE picks and leases the item: SQLite runs one writer at a time, and the lease condition is checked
    // again in the outer WHERE, so two claims can never both win the same row.
    public Task<ReviewItem?> ClaimNextAsync(
        ReviewQueueQuery query, string moderator, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        query.EnsureValid();
        ReviewLeases.EnsureValid(moderator, leaseFor);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    $"""
                    UPDATE review_queue SET leased_by = @moderator, lease_expires_at = @expires
                    WHERE comment_id = (
                        SELECT comment_id FROM review_queue
                        WHERE {Filters(query)} AND {Unleased}
                        ORDER BY {OrderBy(query.Order)} LIMIT 1)
                      AND status = 'Pending' AND {Unleased}
                    RETURNING *
                    """);
                BindFilters(command, query);
                BindLease(command, moderator, now, leaseFor);
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<ReviewItem?> ClaimAsync(
        Guid commentId, string moderator, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        ReviewLeases.EnsureValid(moderator, leaseFor);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    $"""
                    UPDATE review_queue SET leased_by = @moderator, lease_expires_at = @expires
                    WHERE comment_id = @id AND status = 'Pending' AND ({Unleased} OR leased_by = @moderator)
                    RETURNING *
                    """,
                    ("@id", commentId.ToKey()));
                BindLease(command, moderator, now, leaseFor);
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<bool> ReleaseAsync(Guid commentId, string moderator, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    UPDATE review_queue SET leased_by = NULL, lease_expires_at = NULL
                    WHERE comment_id = @id AND leased_by = @moderator
                    """,
                    ("@id", commentId.ToKey()),
                    ("@moderator", moderator));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<long> ReleaseOthersAsync(string moderator, Guid keep, CancellationToken cancellationToken = default) =>
        database.RunAsync<long>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    UPDATE review_queue SET leased_by = NULL, lease_expires_at = NULL
                    WHERE leased_by = @moderator AND comment_id <> @keep
                    """,
                    ("@keep", keep.ToKey()),
                    ("@moderator", moderator));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    private static async Task<IReadOnlyList<ReviewQueueCount>> CountAsync(SqliteConnection connection, string sql, string siteId, CancellationToken token)
    {
        await using var command = connection.Command(sql, ("@site", siteId));
        return await command.ReadAllAsync(reader => new ReviewQueueCount(reader.GetString(0), reader.GetInt64(1)), token).ConfigureAwait(false);
    }

    // Filters read the stored JSON: the embedded store trades an index for one schema shared with the comment records.
    private static string Filters(ReviewQueueQuery query)
    {
        var sql = "site_id = @site AND status = 'Pending'";
        if (query.Reported is { } reported)
        {
            sql += reported ? " AND reports > 0" : " AND reports = 0";
        }

        if (query.ArticleId is not null)
        {
            sql += " AND json_extract(comment, '$.articleId') = @article";
        }

        if (query.AuthorId is not null)
        {
            sql += " AND json_extract(comment, '$.author.id') = @author";
        }

        if (query.Category is not null)
        {
            sql += " AND EXISTS (SELECT 1 FROM json_each(decision, '$.hits') AS hit WHERE json_extract(hit.value, '$.category') = @category)";
        }

        if (query.Rule is not null)
        {
            sql += " AND EXISTS (SELECT 1 FROM json_each(decision, '$.hits') AS hit WHERE json_extract(hit.value, '$.rule') = @rule)";
        }

        // instr, not LIKE: the text is matched literally, with no wildcard of its own (lower() folds ASCII only).
        if (query.Text is not null)
        {
            sql += " AND (instr(lower(json_extract(comment, '$.body')), lower(@text)) > 0 OR instr(lower(json_extract(comment, '$.author.name')), lower(@text)) > 0)";
        }

        return sql;
    }

    private static string OrderBy(ReviewQueueOrder order) => order switch
    {
        ReviewQueueOrder.HighestScoreFirst => "json_extract(decision, '$.score') DESC, queued_at, comment_id",
        ReviewQueueOrder.NewestFirst => "queued_at DESC, comment_id DESC",
        _ => "queued_at, comment_id",
    };

    private static void BindFilters(SqliteCommand command, ReviewQueueQuery query)
    {
        command.Parameters.AddWithValue("@site", query.SiteId);
        command.Parameters.AddWithValue("@article", (object?)query.ArticleId ?? DBNull.Value);
        command.Parameters.AddWithValue("@author", (object?)query.AuthorId ?? DBNull.Value);
        command.Parameters.AddWithValue("@category", (object?)query.Category ?? DBNull.Value);
        command.Parameters.AddWithValue("@rule", (object?)query.Rule ?? DBNull.Value);
        command.Parameters.AddWithValue("@text", (object?)query.Text ?? DBNull.Value);
    }

    private static void BindLease(SqliteCommand command, string moderator, DateTimeOffset now, TimeSpan leaseFor)
    {
        command.Parameters.AddWithValue("@moderator", moderator);
        command.Parameters.AddWithValue("@now", StoredTime.ToMilliseconds(now));
        command.Parameters.AddWithValue("@expires", StoredTime.ToMilliseconds(now + leaseFor));
    }

    private static ReviewItem Read(SqliteDataReader reader)
    {
        var leasedBy = reader.GetNullableString("leased_by");
        var expires = reader.IsDBNull(reader.GetOrdinal("lease_expires_at")) ? (DateTimeOffset?)null : reader.GetTime("lease_expires_at");
        return new ReviewItem(
            reader.GetJson<Comment>("comment")!,
            reader.GetJson<ModerationDecision>("decision")!,
            reader.GetTime("queued_at"),
            reader.GetEnum<ReviewItemStatus>("status"),
            reader.GetJson<ModeratorDecision>("review"),
            leasedBy is not null && expires is { } at ? new ReviewLease(leasedBy, at) : null,
            reader.GetJson<ReviewAuditEntry>("audit"),
            reader.GetInt32(reader.GetOrdinal("reports")));
    }
}
