using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Integration.Tests.Telemetry;

/// <summary>
/// The four services as separate processes, on a virtual host of their own, scraped by a real Prometheus: what an
/// operator's dashboard would show must be exactly what happened.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class PrometheusScrapeTests(DistributedSystem system) : IAsyncLifetime
{
    private const string ApiKey = "metrics-site-key-01";

    private static readonly string[] ServiceNames = ["Moderation.Ingestion", "Moderation.Worker", "Moderation.Publishing", "Moderation.Review"];

    private readonly string site = $"metrics-{Guid.NewGuid():N}"[..20];
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"moderation-metrics-{Guid.NewGuid():N}");
    private readonly List<ServiceProcess> services = [];

    [SkippableFact]
    public async Task Prometheus_counts_exactly_the_submitted_comments_and_their_decisions_by_outcome()
    {
        Skip.If(PrometheusServer.FindBinary() is null, PrometheusServer.HowToGetOne);
        Skip.IfNot(system.Broker.CanRestart, "Needs rabbitmqctl on the test broker to give these processes a virtual host of their own.");
        await StartServicesAsync();
        await using var prometheus = await PrometheusServer.StartAsync(services.Select(service => service.Address));

        var ingestion = services[0];
        var publishing = services[2];
        var client = new SiteApiClient(ingestion.CreateClient(ApiKey), publishing.CreateClient(ApiKey), site);
        var submitted = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            submitted.Add(await client.SubmitAsync($"a-{i % 3}", $"Clear reporting on the budget, part {i}; thank you.", authorId: $"reader-{i}"));
        }

        for (var i = 0; i < 4; i++)
        {
            submitted.Add(await client.SubmitAsync(
                $"a-{i}", $"More in the filing https://example.org/filing-{i}", authorId: $"newcomer-{i}", accountAgeDays: 0));
        }

        for (var i = 0; i < 2; i++)
        {
            submitted.Add(await client.SubmitAsync(
                $"a-{i}", $"Immigrants like you are vermin, you stupid {PipelineScenarios.BlockedTerm}, go kill yourself {i}.", authorId: $"troll-{i}"));
        }

        var outcomes = new Dictionary<string, int>();
        foreach (var id in submitted)
        {
            var status = (await client.WaitForFinalStatusAsync(id))!["decision"]!["outcome"]!.GetValue<string>();
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
        }

        Assert.Equal(new Dictionary<string, int> { ["approve"] = 9, ["flag"] = 4, ["reject"] = 2 }, outcomes);

        Assert.Equal(4, await Eventually.MatchesAsync(prometheus.TargetsUpAsync, up => up == 4, "Prometheus to scrape all four services"));
        var byOutcome = await Eventually.MatchesAsync(
            async () => (await prometheus.QueryAsync($"sum by (outcome) (moderation_decisions_total{{site=\"{site}\"}})"))
                .ToDictionary(series => series.Labels["outcome"], series => (int)series.Value),
            counts => counts.Values.Sum() >= submitted.Count,
            "Prometheus to have scraped every decision");
        Assert.Equal(outcomes, byOutcome);

        var accepted = await prometheus.QueryAsync($"sum(moderation_comments_submitted_total{{site=\"{site}\"}})");
        Assert.Equal(submitted.Count, accepted.Single().Value);
        var latency = await prometheus.QueryAsync($"sum(moderation_decision_latency_seconds_count{{site=\"{site}\"}})");
        Assert.Equal(submitted.Count, latency.Single().Value);
        var ruleHits = await prometheus.QueryAsync($"sum by (rule) (moderation_rule_hits_total{{site=\"{site}\"}})");
        Assert.Contains(ruleHits, series => series.Labels["rule"].StartsWith("link", StringComparison.Ordinal) && series.Value >= 4);

        // The Review service samples its queue; the backlog is the four flagged comments.
        var pending = await Eventually.MatchesAsync(
            () => prometheus.QueryAsync($"max(moderation_review_pending{{site=\"{site}\"}})"),
            series => series.Count == 1 && series[0].Value == 4,
            "the review backlog gauge to show the flagged comments",
            TimeSpan.FromSeconds(60));
        Assert.Equal(4, pending.Single().Value);

        // Only configured sites become label values, and the broker's and the runtime's own instruments are there.
        Assert.Empty(await prometheus.QueryAsync("moderation_decisions_total{site!~\"metrics-.*\"}"));
        Assert.NotEmpty(await prometheus.QueryAsync("{__name__=~\"messaging_masstransit_consume.*_total\"}"));
        Assert.NotEmpty(await prometheus.QueryAsync("http_server_request_duration_seconds_count"));
        Assert.NotEmpty(await prometheus.QueryAsync("dotnet_gc_collections_total"));
        Assert.Equal(4, (await prometheus.QueryAsync("count(moderation_ready == 1)")).Single().Value);

        await EveryDashboardQueryAnswersAsync(prometheus);
    }

    /// <summary>
    /// Each query of the Grafana dashboard is valid PromQL, and those on the pipeline's own metrics show this run's
    /// data (the broker's come from RabbitMQ's exporter, not scraped here; no moderator decided anything here).
    /// </summary>
    private async Task EveryDashboardQueryAnswersAsync(PrometheusServer prometheus)
    {
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.PathOf("deploy", "observability", "grafana-dashboard.json")))!;
        var queries = dashboard["panels"]!.AsArray()
            .SelectMany(panel => panel!["targets"]!.AsArray())
            .Select(target => target!["expr"]!.GetValue<string>())
            .ToList();
        Assert.NotEmpty(queries);
        foreach (var query in queries)
        {
            var result = await prometheus.QueryAsync(query.Replace("$site", site, StringComparison.Ordinal).Replace("$__rate_interval", "1m", StringComparison.Ordinal));
            if (!query.Contains("rabbitmq_", StringComparison.Ordinal) && !query.Contains("moderator_decisions", StringComparison.Ordinal))
            {
                Assert.True(result.Count > 0, $"The dashboard query {query} shows nothing for a running system.");
            }
        }
    }

    [SkippableFact]
    public async Task With_the_json_console_formatter_every_log_line_is_json_and_request_lines_carry_trace_and_span_ids()
    {
        Skip.IfNot(system.Broker.CanRestart, "Needs rabbitmqctl on the test broker to give this process a virtual host of its own.");
        var settings = await SettingsAsync();
        settings["Logging:Console:FormatterName"] = "json";
        settings["Logging:LogLevel:Default"] = "Information";
        var ingestion = await ServiceProcess.StartAsync("Moderation.Ingestion", settings);
        services.Add(ingestion);

        var article = $"logs-{Guid.NewGuid():N}";
        using var response = await new SiteApiClient(ingestion.CreateClient(ApiKey), ingestion.CreateClient(ApiKey), site)
            .PostAsync(article, SiteApiClient.NewComment("A short and friendly comment."));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var lines = await Eventually.MatchesAsync(
            () => Task.FromResult(ingestion.Output),
            output => output.Any(line => line.Contains(article, StringComparison.Ordinal) && line.Contains("\"Request finished", StringComparison.Ordinal)),
            "the log line of the finished submit request");
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));

        var submit = JsonNode.Parse(lines.First(line => line.Contains(article, StringComparison.Ordinal) && line.Contains("\"Request finished", StringComparison.Ordinal)))!;
        var trace = submit["Scopes"]!.AsArray().Select(scope => scope?["TraceId"]?.GetValue<string>()).Single(id => id is not null);
        var span = submit["Scopes"]!.AsArray().Select(scope => scope?["SpanId"]?.GetValue<string>()).Single(id => id is not null);
        Assert.Matches("^[0-9a-f]{32}$", trace);
        Assert.Matches("^[0-9a-f]{16}$", span);
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

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartServicesAsync()
    {
        var settings = await SettingsAsync();
        foreach (var name in ServiceNames)
        {
            services.Add(await ServiceProcess.StartAsync(name, settings));
        }
    }

    private async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMqUri"] = await system.Broker.CreateVirtualHostAsync($"metrics-{Guid.NewGuid():N}"),
        ["Storage:Provider"] = "Sqlite",
        ["Storage:Sqlite:Path"] = Path.Combine(folder, "moderation.db"),
        [$"Sites:{site}:ApiKeys:0"] = ApiKey,
        [$"Sites:{site}:RequestsPerMinute"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",

        // A publish that times out answers 503 and a retry would publish (and count) the comment twice: on a loaded
        // machine the broker gets all the time it needs, so every count here is of exactly one publish.
        ["Ingestion:PublishTimeout"] = "00:00:30",
    };
}
