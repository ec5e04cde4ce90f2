using Microsoft.Data.Sqlite;
using Polly;

namespace Moderation.Storage.Sqlite;

/// <summary>
/// One owner's tables in a SQLite file (the composed host keeps every owner in one file). Each operation opens its own pooled connection, so the stores are safe to
/// use from many threads, and WAL plus busy_timeout let two processes (two worker instances) share the file.
/// </summary>
internal sealed class SqliteDatabase : IStoreDatabase
{
    private const int BusyTimeoutMilliseconds = 5000;

    private readonly string _connectionString;
    private readonly ResiliencePipeline _pipeline;
    private readonly InitializationGate _schema;
    private readonly SemaphoreSlim _turn = new(1, 1);

    public SqliteDatabase(string path, StoreOwner owner, ResiliencePipeline pipeline, ResiliencePipeline startupPipeline)
    {
        Owner = owner;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        _pipeline = pipeline;
        _schema = new InitializationGate(
            cancellationToken => startupPipeline.ExecuteAsync(CreateSchemaAsync, cancellationToken).AsTask());
    }

    public StoreOwner Owner { get; }

    public Task InitializeAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken).AsTask();

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("select 1");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one store operation on its own connection, retried on a busy or locked database. Operations of this
    /// process take turns: SQLite has one writer at a time anyway, and a connection that finds the file locked sleeps
    /// (SQLite's busy handler backs off by up to 100 ms, Microsoft.Data.Sqlite by 150 ms), which under concurrent
    /// submits cost far more than waiting in line. Other processes on the same file still meet busy_timeout.
    /// </summary>
    public async Task<T> RunAsync<T>(
        Func<SqliteConnection, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _pipeline.ExecuteAsync(
            async token =>
            {
                await _turn.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    await using var connection = await OpenAsync(token).ConfigureAwait(false);
                    return await operation(connection, token).ConfigureAwait(false);
                }
                finally
                {
                    _turn.Release();
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per connection: wait for another writer (possibly another process) instead of failing at once; and in WAL
            // mode sync at checkpoints rather than every commit (SQLite's advice for WAL): a process crash loses
            // nothing, a power cut may lose the last commits, as it would the in-memory bus's messages.
            await using var command = connection.Command(
                $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask CreateSchemaAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(_connectionString).DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // WAL is a property of the file and cannot be switched inside a transaction.
        await using (var wal = connection.Command("PRAGMA journal_mode = WAL;"))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var schema = connection.Command(SqliteSchema.For(Owner)))
        {
            schema.Transaction = transaction;
            await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var upgrade in SqliteSchema.UpgradesFor(Owner))
        {
            await using var command = connection.Command(upgrade);
            command.Transaction = transaction;
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException exception) when (exception.Message.Contains("duplicate column", StringComparison.Ordinal))
            {
                // Added by an earlier start (or by the table's current CREATE statement).
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
