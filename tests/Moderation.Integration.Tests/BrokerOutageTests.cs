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
    [SkippableFact]
    public async Task With_the_broker_stopped_a_submit_gets_503_with_RetryAfter_within_5_seconds()
    {
        Skip.IfNot(system.Broker.CanRestart, "This broker cannot be stopped from the tests (RABBITMQ_URI names a remote one).");
        await system.Broker.StopAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            using var response = await system.Site.PostAsync("outage-article", SiteApiClient.NewComment("Is anyone there?"));
            clock.Stop();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 must carry Retry-After");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"503 took {clock.Elapsed}");
            Console.WriteLine($"broker stopped: 503 with Retry-After {response.Headers.RetryAfter?.Delta?.TotalSeconds} s after {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            await system.Broker.StartAgainAsync();
        }
    }

    [SkippableFact]
    public async Task A_submit_refused_while_the_broker_is_down_leaves_no_trace_so_its_retry_is_not_a_duplicate()
    {
        Skip.IfNot(system.Broker.CanRestart, "This broker cannot be stopped from the tests (RABBITMQ_URI names a remote one).");
        var author = $"retrier-{Guid.NewGuid():N}";
        const string body = "The council should publish the full budget before the vote next week.";
        await system.Broker.StopAsync();
        try
        {
            using var refused = await system.Site.PostAsync("retry-article", SiteApiClient.NewComment(body, author));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }
        finally
        {
            await system.Broker.StartAgainAsync();
        }

        // The site retries without an Idempotency-Key once the service is ready: a new comment, judged on its own,
        // not as a copy of the refused one (which never existed for anyone).
        var id = await Eventually.MatchesAsync(
            async () =>
            {
                using var response = await system.Site.PostAsync("retry-article", SiteApiClient.NewComment(body, author));
                return response.StatusCode == HttpStatusCode.Accepted
                    ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>()
                    : (Guid?)null;
            },
            accepted => accepted is not null,
            "a submit to be accepted after the broker's return");
        var status = await system.Site.WaitForFinalStatusAsync(id!.Value);
        Assert.True(status?["status"]?.GetValue<string>() == "approved", $"the retry was not approved: {status}");
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

        // A site backend's behaviour: on 503 wait and retry with the same Idempotency-Key.
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
