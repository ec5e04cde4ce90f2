using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moderation.Load;

/// <summary>
/// Submits the comments as site backends do: each with its own Idempotency-Key, retried with the same key on 503 or
/// 429 until accepted. Closed loop (<c>concurrency</c> in flight) or paced at a fixed rate. Comment <c>i</c> of the mix is
/// <c>firstIndex + i</c>, so a warm-up and the measured load send different comments.
/// </summary>
public sealed class SubmitLoad(Uri ingestion, int comments, int concurrency, double rate, int firstIndex = 0)
{
    public ConcurrentDictionary<Guid, long> AcceptedAt { get; } = new();

    public ConcurrentDictionary<Guid, long> StartedAt { get; } = new();

    public Latencies SubmitLatency { get; } = new();

    public int Retries;
    public int ServerErrors;
    public int ClientErrors;

    public async Task<TimeSpan> RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = ingestion, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceProcesses.ApiKey);
        var run = Guid.NewGuid().ToString("N")[..8];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(lane => Task.Run(async () =>
        {
            var random = new Random(lane);
            int index;
            while ((index = Interlocked.Increment(ref next)) < comments)
            {
                if (rate > 0)
                {
                    var due = TimeSpan.FromSeconds(index / rate) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, cancellationToken);
                    }
                }

                await SubmitOneAsync(client, $"load-{run}-{index}", firstIndex + index, random, cancellationToken);
            }
        }, cancellationToken)));
        return clock.Elapsed;
    }

    private async Task SubmitOneAsync(HttpClient client, string key, int index, Random random, CancellationToken cancellationToken)
    {
        var (authorId, body, accountAgeDays) = CommentMix.Comment(index, random);
        var article = $"story-{index % 200}";
        var payload = new
        {
            author = new { id = authorId, name = "Load Reader" },
            body,
            parentId = (string?)null,
            authorSignals = accountAgeDays is null ? null : new { accountAgeDays },
        };
        var first = Stopwatch.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/sites/{ServiceProcesses.SiteId}/articles/{article}/comments")
            {
                Content = JsonContent.Create(payload),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var now = Stopwatch.GetTimestamp();
                SubmitLatency.Add(Stopwatch.GetElapsedTime(started, now).TotalMilliseconds);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
                var id = json.RootElement.GetProperty("id").GetGuid();
                StartedAt[id] = first;
                AcceptedAt[id] = now;
                return;
            }

            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref Retries);
                await Task.Delay(200, cancellationToken);
                continue;
            }

            if ((int)response.StatusCode >= 500)
            {
                Interlocked.Increment(ref ServerErrors);
            }
            else
            {
                Interlocked.Increment(ref ClientErrors);
            }

            return;
        }
    }
}
