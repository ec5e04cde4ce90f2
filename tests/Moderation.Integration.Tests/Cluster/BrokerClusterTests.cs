using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Storage.Review;
using Moderation.Testing;
using Moderation.Worker.Moderating;
using Xunit.Abstractions;

namespace Moderation.Integration.Tests.Cluster;

/// <summary>
/// The four services on a three-node RabbitMQ cluster with quorum queues. Comments keep coming while the node that
/// leads the workers' queue is killed (kill -9), started again and rejoins, and then another node is killed: every
/// accepted comment is decided and published or queued for review exactly once, and submissions succeed again
/// within seconds of each kill. <c>MODERATION_CLUSTER_COMMENTS</c> sets how many comments (default 300).
/// </summary>
[Collection(BrokerClusterCollection.Name)]
public sealed class BrokerClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SiteId = "cluster-site";
    private const string ApiKey = "cluster-site-key-01";
    private const int Articles = 5;
    private const int Senders = 4;

    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"moderation-cluster-{Guid.NewGuid():N}");
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly List<RunningService> services = [];
    private readonly ConcurrentDictionary<int, Guid> accepted = new();
    private readonly ConcurrentQueue<DateTime> successes = new();
    private RabbitMqCluster? cluster;
    private int refused;

    private static int CommentCount =>
        int.TryParse(Environment.GetEnvironmentVariable("MODERATION_CLUSTER_COMMENTS"), CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : 300;

    [SkippableFact]
    public async Task Killing_the_queue_leader_and_then_another_node_loses_and_duplicates_no_comment()
    {
        var cannotRun = RabbitMqCluster.CannotRun();
        Skip.If(cannotRun is not null, cannotRun);
        cluster = new RabbitMqCluster();
        await cluster.StartAsync();
        await StartServicesAsync(cluster);

        var workerQueue = KebabCaseEndpointNameFormatter.Instance.Consumer<ModerateCommentConsumer>();
        var types = await cluster.QueueTypesAsync(1);
        Assert.Equal("quorum", types.GetValueOrDefault(workerQueue));

        // A message that fails validation goes straight to the worker's error queue, which replicates like the others.
        var errorQueue = $"{workerQueue}_error";
        await services[0].Services.GetRequiredService<IBus>().Publish(new CommentSubmitted(null!));
        var withErrorQueue = await Eventually.MatchesAsync(
            () => cluster.QueueTypesAsync(1), queues => queues.ContainsKey(errorQueue), $"the {errorQueue} queue", TimeSpan.FromSeconds(30));
        Assert.Equal("quorum", withErrorQueue[errorQueue]);

        var ingestion = services[0].CreateClient(ApiKey);
        var total = CommentCount;
        var third = total / 3;
        var clock = Stopwatch.StartNew();

        await SubmitAsync(ingestion, 0, third);

        var leader = await cluster.LeaderAsync(workerQueue);
        var firstKill = await KillAndMeasureAsync(leader, ingestion, third, 2 * third);
        output.WriteLine($"killed node {leader}, the leader of {workerQueue}: submissions succeeded again after {firstKill.TotalSeconds:F1} s");

        await cluster.RestartAsync(leader);
        var rejoined = await Eventually.MatchesAsync(cluster.RunningNodesAsync, nodes => nodes.Count == RabbitMqCluster.NodeCount, "the killed node to rejoin", TimeSpan.FromSeconds(90));
        Assert.Contains(leader, rejoined);

        var follower = Enumerable.Range(1, RabbitMqCluster.NodeCount).First(node => node != leader);
        var newLeader = await cluster.LeaderAsync(workerQueue);
        if (follower == newLeader)
        {
            follower = Enumerable.Range(1, RabbitMqCluster.NodeCount).First(node => node != leader && node != newLeader);
        }

        var secondKill = await KillAndMeasureAsync(follower, ingestion, 2 * third, total);
        output.WriteLine($"killed node {follower}, a follower of {workerQueue}: submissions succeeded again after {secondKill.TotalSeconds:F1} s");
        await cluster.RestartAsync(follower);
        await Eventually.MatchesAsync(cluster.RunningNodesAsync, nodes => nodes.Count == RabbitMqCluster.NodeCount, "the second killed node to rejoin", TimeSpan.FromSeconds(90));
        var submitSeconds = clock.Elapsed.TotalSeconds;

        Assert.Equal(total, accepted.Count);
        Assert.Equal(total, accepted.Values.Distinct().Count());
        var outcomes = await WaitForEveryDecisionAsync();
        var decidedSeconds = clock.Elapsed.TotalSeconds;

        // Each approved comment is served once under its article, each flagged one waits once in the review queue.
        var approved = outcomes.Where(outcome => outcome.Value == "approved").Select(outcome => outcome.Key).ToHashSet();
        var published = await Eventually.MatchesAsync(
            ListPublishedAsync, ids => ids.Count >= approved.Count, "every approved comment to be published", TimeSpan.FromMinutes(1));
        Assert.Equal(published.Count, published.Distinct().Count());
        Assert.Equal(approved.Count, published.Count);
        Assert.True(approved.SetEquals(published), "The published comments are not exactly the approved ones.");

        var flagged = outcomes.Count(outcome => outcome.Value == "flagged");
        Assert.True(flagged > 0, "The run should hold some comments for review.");
        var reviewQueue = services[4].Services.GetRequiredService<IReviewQueueStore>();
        Assert.Equal(flagged, await Eventually.MatchesAsync(
            () => reviewQueue.CountPendingAsync(SiteId), count => count >= flagged, "every flagged comment in the review queue", TimeSpan.FromMinutes(1)));

        Assert.True(firstKill < RecoveryLimit, $"Submissions failed for {firstKill} after the leader was killed.");
        Assert.True(secondKill < RecoveryLimit, $"Submissions failed for {secondKill} after a follower was killed.");
        output.WriteLine(
            $"{total} comments: all {accepted.Count} accepted exactly once ({refused} refused and retried), " +
            $"{approved.Count} approved and published once, {flagged} flagged and queued once, {outcomes.Count - approved.Count - flagged} rejected; " +
            $"submitted in {submitSeconds:F1} s, all decided after {decidedSeconds:F1} s ({total / decidedSeconds:F1} comments/s with two node kills and restarts)");
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var service in services)
        {
            await service.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartServicesAsync(RabbitMqCluster broker)
    {
        var settings = new Dictionary<string, string?>(broker.Settings())
        {
            ["Messaging:RetryLimit"] = "5",
            ["Messaging:RetryMinInterval"] = "00:00:00.200",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "moderation.db"),
            [$"Sites:{SiteId}:ApiKeys:0"] = ApiKey,
            [$"Sites:{SiteId}:RequestsPerMinute"] = "10000000",
            ["Ingestion:PublishTimeout"] = "00:00:05",
            ["Logging:LogLevel:Default"] = "Error",
        };
        services.Add(await RunningService.StartAsync(Moderation.Ingestion.Program.Build, settings));
        services.Add(await RunningService.StartAsync(Moderation.Worker.Program.Build, settings));
        services.Add(await RunningService.StartAsync(Moderation.Worker.Program.Build, settings));
        services.Add(await RunningService.StartAsync(Moderation.Publishing.Program.Build, settings));
        services.Add(await RunningService.StartAsync(Moderation.Review.Program.Build, settings));
    }

    /// <summary>Kills the node while comments [from, to) are being submitted; returns how long submissions failed.</summary>
    private async Task<TimeSpan> KillAndMeasureAsync(int node, HttpClient ingestion, int from, int to)
    {
        var sending = SubmitAsync(ingestion, from, to);
        await Eventually.MatchesAsync(() => Task.FromResult(accepted.Count), count => count >= from + Math.Min(20, (to - from) / 4), "the first submissions of this phase");
        var killedAt = DateTime.UtcNow;
        await cluster!.KillAsync(node);
        await sending;

        // The longest stretch without an accepted submission that began at or after the kill. None accepted after the kill
        // means the phase was all accepted by then (a submit is stored in Ingestion's outbox and does not wait for the
        // broker): there was no stretch of failures; the relay's work after the loss is judged by every comment's decision.
        var times = successes.Where(time => time >= killedAt).Order().Prepend(killedAt).ToList();
        return times.Count == 1 ? TimeSpan.Zero : times.Zip(times.Skip(1), (before, after) => after - before).Max();
    }

    /// <summary>Submits comments [from, to) from several senders, like a site: each with an Idempotency-Key, retried until accepted.</summary>
    private async Task SubmitAsync(HttpClient ingestion, int from, int to)
    {
        var next = from - 1;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < to)
            {
                accepted[index] = await SubmitOneAsync(ingestion, index);
                successes.Enqueue(DateTime.UtcNow);
            }
        }));
    }

    private async Task<Guid> SubmitOneAsync(HttpClient ingestion, int index)
    {
        var site = new SiteApiClient(ingestion, ingestion, SiteId);
        var comment = index % 10 == 0
            ? SiteApiClient.NewComment($"See https://example.org/cluster/{index}", authorId: $"newcomer-{index}", accountAgeDays: 0)
            : SiteApiClient.NewComment($"Comment {index} on the cluster run: measured and polite.", authorId: $"reader-{index}");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                using var response = await site.PostAsync($"{run}-{index % Articles}", comment, $"{run}-{index}");
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    return body["id"]!.GetValue<Guid>();
                }

                Assert.True(
                    response.StatusCode == HttpStatusCode.ServiceUnavailable,
                    $"Comment {index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            Interlocked.Increment(ref refused);
            Assert.True(DateTime.UtcNow < deadline, $"Comment {index} was refused for two minutes.");
            await Task.Delay(200);
        }
    }

    private async Task<Dictionary<Guid, string>> WaitForEveryDecisionAsync()
    {
        var site = new SiteApiClient(services[0].CreateClient(ApiKey), services[3].CreateClient(ApiKey), SiteId);
        var outcomes = new Dictionary<Guid, string>();
        foreach (var id in accepted.Values)
        {
            var status = await site.WaitForFinalStatusAsync(id, TimeSpan.FromMinutes(3));
            outcomes[id] = status!["status"]!.GetValue<string>();
        }

        return outcomes;
    }

    private async Task<List<Guid>> ListPublishedAsync()
    {
        var published = new List<Guid>();
        for (var article = 0; article < Articles; article++)
        {
            published.AddRange(await ListArticleAsync(services[3].CreateClient(ApiKey), $"{run}-{article}"));
        }

        return published;
    }

    private static async Task<List<Guid>> ListArticleAsync(HttpClient publishing, string article)
    {
        var site = new SiteApiClient(publishing, publishing, SiteId);
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await site.ListAsync(article, cursor is null ? "?limit=200" : $"?limit=200&cursor={Uri.EscapeDataString(cursor)}");
            ids.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()));
            cursor = page["next"]?.GetValue<string>();
        }
        while (cursor is not null);
        return ids;
    }
}
