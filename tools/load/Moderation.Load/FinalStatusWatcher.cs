using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Moderation.Load;

/// <summary>
/// Notes when each comment's status stops being pending, by reading the status table that <c>GET /v1/comments/{id}</c>
/// reads (read-only, every 20 ms), so watching adds no HTTP load to the service under test.
/// </summary>
public sealed class FinalStatusWatcher(string database) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, long> finalAt = new();
    private readonly CancellationTokenSource stop = new();
    private Task? loop;

    public int FinalCount => finalAt.Count;

    public long? FinalAt(Guid id) => finalAt.TryGetValue(id, out var at) ? at : null;

    public void Start() => loop = Task.Run(() => WatchAsync(stop.Token));

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT id FROM comment_status WHERE status <> 'Pending'";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var now = Stopwatch.GetTimestamp();
                while (await reader.ReadAsync(cancellationToken))
                {
                    finalAt.TryAdd(Guid.Parse(reader.GetString(0)), now);
                }
            }
            catch (SqliteException)
            {
                // The table is created by the service at start; busy or missing for a moment is fine.
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        stop.Dispose();
    }
}
