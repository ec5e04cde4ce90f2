using Microsoft.Data.Sqlite;
using Moderation.Storage.Erasure;
using Moderation.Webhooks.Events;
using Polly;

namespace Moderation.Webhooks.Storage;

/// <summary>The webhook store in a SQLite file (its own table, so it may share the composed host's file).</summary>
public sealed class SqliteWebhookStore : IWebhookStore
{
    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS webhook_events (
            id TEXT PRIMARY KEY,
            site_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            type TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            body TEXT NOT NULL,
            status INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            due_at INTEGER NOT NULL,
            lease_until INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT,
            first_failed_at INTEGER,
            last_error TEXT,
            finished_at INTEGER);
        CREATE INDEX IF NOT EXISTS webhook_events_due ON webhook_events (status, due_at);
        CREATE INDEX IF NOT EXISTS webhook_events_subject ON webhook_events (site_id, subject, status, occurred_at, id);
        CREATE INDEX IF NOT EXISTS webhook_events_site ON webhook_events (site_id, status, occurred_at, id);
        CREATE TABLE IF NOT EXISTS webhook_erased_authors (key TEXT PRIMARY KEY, erased_at INTEGER NOT NULL) WITHOUT ROWID;
        """;

    private const string EarlierPendingOfSubject =
        """
        NOT EXISTS (SELECT 1 FROM webhook_events p
                    WHERE p.site_id = e.site_id AND p.subject = e.subject AND p.status = 0
                      AND (p.occurred_at < e.occurred_at OR (p.occurred_at = e.occurred_at AND p.id < e.id)))
        """;

    private readonly string _connectionString;
    private readonly ResiliencePipeline _pipeline;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteWebhookStore(string path, ResiliencePipeline pipeline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        _pipeline = pipeline;
    }

    public Task<bool> EnqueueAsync(WebhookEvent webhookEvent, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RunAsync(
            async (connection, token) => await Execute(
                connection,
                """
                INSERT INTO webhook_events (id, site_id, subject, type, occurred_at, body, status, due_at)
                VALUES (@id, @site, @subject, @type, @occurred, @body, 0, @due)
                ON CONFLICT (id) DO NOTHING
                """,
                token,
                ("@id", Key(webhookEvent.Id)),
                ("@site", webhookEvent.SiteId),
                ("@subject", webhookEvent.Subject),
                ("@type", webhookEvent.Type),
                ("@occurred", webhookEvent.OccurredAt.ToUnixTimeMilliseconds()),
                ("@body", webhookEvent.Body),
                ("@due", now.ToUnixTimeMilliseconds())) == 1,
            cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, string owner, int max, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<WebhookDelivery>>(
            async (connection, token) =>
            {
                var nowMs = now.ToUnixTimeMilliseconds();
                await using var select = Command(
                    connection,
                    $"""
                    SELECT e.* FROM webhook_events e
                    WHERE e.status = 0 AND e.due_at <= @now AND e.lease_until <= @now AND {EarlierPendingOfSubject}
                    ORDER BY e.due_at, e.occurred_at, e.id LIMIT @max
                    """,
                    ("@now", nowMs),
                    ("@max", max));
                var candidates = await ReadAllAsync(select, token).ConfigureAwait(false);
                var claimed = new List<WebhookDelivery>(candidates.Count);
                foreach (var candidate in candidates)
                {
                    var won = await Execute(
                        connection,
                        "UPDATE webhook_events SET lease_until = @until, lease_owner = @owner WHERE id = @id AND status = 0 AND lease_until <= @now",
                        token,
                        ("@until", (now + lease).ToUnixTimeMilliseconds()),
                        ("@owner", owner),
                        ("@id", Key(candidate.Event.Id)),
                        ("@now", nowMs)) == 1;
                    if (won)
                    {
                        claimed.Add(candidate);
                    }
                }

                return claimed;
            },
            cancellationToken);

    public Task MarkDeliveredAsync(Guid eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RunAsync(
            (connection, token) => Execute(
                connection,
                """
                UPDATE webhook_events SET status = 1, attempts = attempts + 1, finished_at = @now, lease_until = 0, lease_owner = NULL,
                    body = CASE WHEN type = 'author.erased' THEN '' ELSE body END
                WHERE id = @id AND status = 0 AND lease_owner = @owner
                """,
                token,
                ("@id", Key(eventId)),
                ("@owner", owner),
                ("@now", now.ToUnixTimeMilliseconds())),
            cancellationToken);

    public Task RescheduleAsync(
        Guid eventId, string owner, DateTimeOffset firstFailedAt, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default) =>
        RunAsync(
            (connection, token) => Execute(
                connection,
                """
                UPDATE webhook_events SET attempts = attempts + 1, first_failed_at = @first, due_at = @due, last_error = @error,
                       lease_until = 0, lease_owner = NULL
                WHERE id = @id AND status = 0 AND lease_owner = @owner
                """,
                token,
                ("@id", Key(eventId)),
                ("@owner", owner),
                ("@first", firstFailedAt.ToUnixTimeMilliseconds()),
                ("@due", dueAt.ToUnixTimeMilliseconds()),
                ("@error", error)),
            cancellationToken);

    public Task DeadLetterAsync(Guid eventId, string owner, DateTimeOffset now, string error, CancellationToken cancellationToken = default) =>
        RunAsync(
            (connection, token) => Execute(
                connection,
                """
                UPDATE webhook_events SET status = 2, attempts = attempts + 1, finished_at = @now, last_error = @error,
                       lease_until = 0, lease_owner = NULL
                WHERE id = @id AND status = 0 AND lease_owner = @owner
                """,
                token,
                ("@id", Key(eventId)),
                ("@owner", owner),
                ("@now", now.ToUnixTimeMilliseconds()),
                ("@error", error)),
            cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> ListDeadLettersAsync(string siteId, int limit, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<WebhookDelivery>>(
            async (connection, token) =>
            {
                await using var select = Command(
                    connection,
                    "SELECT * FROM webhook_events WHERE site_id = @site AND status = 2 ORDER BY occurred_at, id LIMIT @limit",
                    ("@site", siteId),
                    ("@limit", limit));
                return await ReadAllAsync(select, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> ReplayAsync(string siteId, Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RunAsync(
            async (connection, token) => await Replay(connection, "AND id = @id", token, siteId, now, ("@id", Key(eventId))).ConfigureAwait(false) == 1,
            cancellationToken);

    public Task<int> ReplayAllAsync(string siteId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RunAsync((connection, token) => Replay(connection, string.Empty, token, siteId, now), cancellationToken);

    public Task<int> PurgeDeliveredAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        RunAsync(
            (connection, token) => Execute(
                connection,
                "DELETE FROM webhook_events WHERE status = 1 AND finished_at < @before",
                token,
                ("@before", before.ToUnixTimeMilliseconds())),
            cancellationToken);

    public Task EraseAuthorAsync(string siteId, string authorId, DateTimeOffset erasedAt, CancellationToken cancellationToken = default)
    {
        var mentions = AuthorMentions.In(authorId);
        return RunAsync(
            async (connection, token) =>
            {
                await Execute(
                    connection,
                    "INSERT INTO webhook_erased_authors (key, erased_at) VALUES (@key, @at) ON CONFLICT (key) DO NOTHING",
                    token,
                    ("@key", AuthorErasureKey.For(siteId, authorId)),
                    ("@at", erasedAt.ToUnixTimeMilliseconds())).ConfigureAwait(false);
                return await Execute(
                    connection,
                    """
                    DELETE FROM webhook_events
                    WHERE site_id = @site AND type <> 'author.erased' AND (instr(body, @author) > 0 OR instr(body, @reporter) > 0)
                    """,
                    token,
                    ("@site", siteId),
                    ("@author", mentions[0]),
                    ("@reporter", mentions[1])).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<bool> IsAuthorErasedAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        RunAsync(
            async (connection, token) =>
            {
                await using var command = Command(
                    connection, "SELECT 1 FROM webhook_erased_authors WHERE key = @key", ("@key", AuthorErasureKey.For(siteId, authorId)));
                return await command.ExecuteScalarAsync(token).ConfigureAwait(false) is not null;
            },
            cancellationToken);

    public Task<WebhookDelivery?> GetAsync(Guid eventId, CancellationToken cancellationToken = default) =>
        RunAsync(
            async (connection, token) =>
            {
                await using var select = Command(connection, "SELECT * FROM webhook_events WHERE id = @id", ("@id", Key(eventId)));
                return (await ReadAllAsync(select, token).ConfigureAwait(false)).FirstOrDefault();
            },
            cancellationToken);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(_connectionString).DataSource));
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                await _pipeline.ExecuteAsync(
                    async token =>
                    {
                        await using var connection = await OpenAsync(token).ConfigureAwait(false);
                        await Execute(connection, "PRAGMA journal_mode = WAL;", token).ConfigureAwait(false);
                        await Execute(connection, Schema, token).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        RunAsync((connection, token) => Execute(connection, "SELECT 1", token), cancellationToken);

    private static Task<int> Replay(
        SqliteConnection connection, string condition, CancellationToken token, string siteId, DateTimeOffset now,
        params (string Name, object? Value)[] extra) =>
        Execute(
            connection,
            $"""
            UPDATE webhook_events SET status = 0, attempts = 0, due_at = @now, first_failed_at = NULL, finished_at = NULL,
                   lease_until = 0, lease_owner = NULL
            WHERE site_id = @site AND status = 2 {condition}
            """,
            token,
            [("@site", siteId), ("@now", now.ToUnixTimeMilliseconds()), .. extra]);

    private async Task<T> RunAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _pipeline.ExecuteAsync(
            async token =>
            {
                await using var connection = await OpenAsync(token).ConfigureAwait(false);
                return await operation(connection, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await Execute(connection, "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<int> Execute(
        SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<WebhookDelivery>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new WebhookDelivery(
                new WebhookEvent(
                    Guid.Parse(reader.GetString(reader.GetOrdinal("id"))),
                    reader.GetString(reader.GetOrdinal("site_id")),
                    reader.GetString(reader.GetOrdinal("subject")),
                    reader.GetString(reader.GetOrdinal("type")),
                    Time(reader, "occurred_at")!.Value,
                    reader.GetString(reader.GetOrdinal("body"))),
                (DeliveryStatus)reader.GetInt32(reader.GetOrdinal("status")),
                reader.GetInt32(reader.GetOrdinal("attempts")),
                Time(reader, "due_at")!.Value,
                Time(reader, "first_failed_at"),
                reader.IsDBNull(reader.GetOrdinal("last_error")) ? null : reader.GetString(reader.GetOrdinal("last_error")),
                Time(reader, "finished_at")));
        }

        return items;
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
    }

    private static string Key(Guid id) => id.ToString("N");
}
