using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

[Collection(DistributedCollection.Name)]
public sealed class BrokerOutageTests(DistributedSystem system)
{
    // With the submission outbox a submit no longer needs the broker: the comment and its event are stored in one write
    // and answered 202, and the relay delivers the event once the broker is back. (Before the outbox a submit waited for
    // the broker and answered 503 with Retry-After; these two tests pinned that and its compensation.)
    [SkippableFact]
    public async Task With_the_broker_stopped_a_submit_is_accepted_at_once_and_decided_after_the_broker_is_back()
    {
        Skip.IfNot(system.Broker.CanRestart, "This broker cannot be stopped from the tests (RABBITMQ_URI names a remote one).");
        var author = $"outage-{Guid.NewGuid():N}"[..16];
        const string body = "The council should publish the full budget before the vote next week.";
        Guid first;
        Guid second;
        await system.Broker.StopAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            using var response = await system.Site.PostAsync("outage-article", SiteApiClient.NewComment(body, author));
            clock.Stop();
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the accept took {clock.Elapsed}: it waited for the broker");
            first = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
            Console.WriteLine($"broker stopped: 202 after {clock.ElapsedMilliseconds} ms");

            // Still down a while later: the relay keeps it, nothing decided it, and the status says pending.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal("pending", (await system.Site.GetStatusAsync(first))?["status"]?.GetValue<string>());
            using var other = await system.Site.PostAsync("outage-article", SiteApiClient.NewComment("And a second, different thought on the schedule.", author));
            Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
            second = JsonNode.Parse(await other.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        }
        finally
        {
            await system.Broker.StartAgainAsync();
        }

        var clockAfter = Stopwatch.StartNew();
        var status = await system.Site.WaitForFinalStatusAsync(first, TimeSpan.FromSeconds(60));
        Assert.True(status?["status"]?.GetValue<string>() == "approved", $"the comment accepted during the outage was not approved: {status}");
        status = await system.Site.WaitForFinalStatusAsync(second, TimeSpan.FromSeconds(60));
        Assert.True(status?["status"]?.GetValue<string>() == "approved", $"the second comment was not approved: {status}");
        Console.WriteLine($"broker back: both decided {clockAfter.ElapsedMilliseconds} ms after the broker started");
    }

    // The outbox is bounded: past Ingestion:MaxUnsentSubmissions comments waiting for the broker a submit is refused with
    // 503 and Retry-After (not accepted, nothing stored), and accepted again once the relay has delivered the backlog.
    [SkippableFact]
    public async Task With_the_broker_stopped_a_full_outbox_answers_503_and_accepts_again_once_the_broker_is_back()
    {
        Skip.IfNot(system.Broker.CanRestart, "This broker cannot be stopped from the tests (RABBITMQ_URI names a remote one).");
        const int bound = 10;
        var database = Path.Combine(Path.GetTempPath(), $"moderation-bounded-{Guid.NewGuid():N}.db");
        await using var ingestion = await system.StartIngestionAsync(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = database,
            ["Ingestion:MaxUnsentSubmissions"] = bound.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ingestion:PublishTimeout"] = "00:00:00.500",
            ["Ingestion:RelayInterval"] = "00:00:00.100",
        });
        var site = new SiteApiClient(ingestion.CreateClient(DistributedSystem.ApiKey), system.Publishing.CreateClient(DistributedSystem.ApiKey), DistributedSystem.SiteId);
        var article = $"bounded-{Guid.NewGuid():N}";
        var accepted = new List<Guid>();
        HttpResponseMessage? refused = null;
        await system.Broker.StopAsync();
        try
        {
            // Submit one at a time until one is refused: the relay's count catches up within a pass or two.
            var deadline = Stopwatch.StartNew();
            for (var index = 0; refused is null && deadline.Elapsed < TimeSpan.FromSeconds(60); index++)
            {
                var response = await site.PostAsync(article, SiteApiClient.NewComment($"Comment {index} while the broker is away.", $"bounded-{index % 7}"));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>());
                    response.Dispose();
                    await Task.Delay(50);
                }
                else
                {
                    refused = response;
                }
            }

            Assert.NotNull(refused);
            using (refused)
            {
                var problem = await refused.Content.ReadAsStringAsync();
                Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"answered {(int)refused.StatusCode}: {problem}");
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(refused.Headers.RetryAfter);
            }

            Assert.InRange(accepted.Count, bound, bound + 5);
            Assert.Equal(accepted.Count, await CountAsync(database, "SELECT COUNT(*) FROM comment_status"));
            Assert.Equal(accepted.Count, await CountAsync(database, "SELECT COUNT(*) FROM comment_status WHERE outbox_due_at IS NOT NULL"));
            Console.WriteLine($"broker stopped: {accepted.Count} accepted, then 503 ({refused.StatusCode}) at a bound of {bound}");
        }
        finally
        {
            await system.Broker.StartAgainAsync();
        }

        // Back: every accepted comment is delivered (the outbox empties) and a submit is accepted again.
        await Eventually.MatchesAsync(
            () => CountAsync(database, "SELECT COUNT(*) FROM comment_status WHERE outbox_due_at IS NOT NULL"), unsent => unsent == 0,
            "the accepted comments delivered", TimeSpan.FromSeconds(60));
        await Eventually.MatchesAsync(
            async () =>
            {
                using var response = await site.PostAsync(article, SiteApiClient.NewComment("After the broker came back.", "bounded-after"));
                return response.StatusCode;
            },
            status => status == HttpStatusCode.Accepted,
            "a submit accepted again",
            TimeSpan.FromSeconds(30));
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = database, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [SkippableFact]
    public async Task Comments_submitted_while_the_broker_restarts_all_reach_a_final_status()
    {
        Skip.IfNot(system.Broker.CanRestart, "This broker cannot be stopped from the tests (RABBITMQ_URI names a remote one).");
        const int total = 200;
        var article = $"restart-{Guid.NewGuid():N}";
        var site = system.Site;
        var accepted = new ConcurrentDictionary<int, Guid>();
        var unavailable = 0;

        // A site backend's behaviour: on 503 wait and retry with the same Idempotency-Key. With the outbox no submit is
        // refused while the broker restarts; the loop stays, since a site must still cope with a 503 (a store outage).
        async Task SubmitWithRetryAsync(int index)
        {
            var key = $"{article}-{index}";
            var comment = SiteApiClient.NewComment($"Comment number {index} on the restart story.", $"reader-{index % 17}");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline)
            {
                using var response = await site.PostAsync(article, comment, key);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted[index] = Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
                    return;
                }

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Interlocked.Increment(ref unavailable);
                await Task.Delay(250);
            }
        }

        var submitted = 0;
        var restart = Task.CompletedTask;
        using var gate = new SemaphoreSlim(8);
        var submissions = new List<Task>();
        for (var index = 0; index < total; index++)
        {
            await gate.WaitAsync();
            var current = index;
            submissions.Add(Task.Run(async () =>
            {
                try
                {
                    await SubmitWithRetryAsync(current);
                }
                finally
                {
                    gate.Release();
                }
            }));

            if (Interlocked.Increment(ref submitted) == total / 2)
            {
                restart = Task.Run(async () =>
                {
                    await system.Broker.StopAsync();
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    await system.Broker.StartAgainAsync();
                });
            }
        }

        await Task.WhenAll(submissions);
        await restart;
        Assert.Equal(total, accepted.Count);

        var final = 0;
        foreach (var id in accepted.Values)
        {
            await site.WaitForFinalStatusAsync(id, TimeSpan.FromSeconds(60));
            final++;
        }

        Assert.Equal(total, final);
        Console.WriteLine($"broker restart: {total} accepted and decided; {unavailable} submits were answered 503 meanwhile and retried");
    }
}
