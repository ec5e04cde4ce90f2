using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MassTransit;
using Moderation.Testing;
using Moderation.Worker.Moderating;

namespace Moderation.Api.Tests;

/// <summary>
/// deploy/observability and the worker's autoscaler: the Prometheus configuration and alert rules pass promtool, and
/// each alert fires (and only then) on the series its unit test feeds it; the dashboard and KEDA name what exists.
/// </summary>
public sealed partial class ObservabilityFilesTests
{
    private static readonly string Folder = RepositoryFiles.PathOf("deploy", "observability");

    [SkippableTheory]
    [InlineData("check", "config", "prometheus.yml")]
    [InlineData("check", "rules", "alerts.yml")]
    [InlineData("test", "rules", "alerts.test.yml")]
    public async Task Promtool_accepts_the_prometheus_files(string command, string what, string file)
    {
        var promtool = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists);
        Skip.If(promtool is null, PrometheusServer.HowToGetOne);

        var start = new ProcessStartInfo(promtool!)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(what);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"promtool {command} {what} {file}: {await stdout}{await stderr}");
    }

    [Fact]
    public void Every_alert_has_a_runbook_entry_in_the_deploy_readme()
    {
        var alerts = AlertName().Matches(File.ReadAllText(Path.Combine(Folder, "alerts.yml"))).Select(match => match.Groups[1].Value).ToList();
        var readme = File.ReadAllText(RepositoryFiles.PathOf("deploy", "README.md"));
        Assert.Equal(6, alerts.Count);
        Assert.All(alerts, alert => Assert.Contains($"`{alert}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void The_dashboard_queries_only_metrics_the_system_exports()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "grafana-dashboard.json")))!;
        var expressions = dashboard["panels"]!.AsArray().SelectMany(panel => panel!["targets"]!.AsArray()).Select(target => target!["expr"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(expressions);
        string[] exported =
        [
            "moderation_comments_submitted_total", "moderation_decisions_total", "moderation_rule_hits_total",
            "moderation_decision_latency_seconds_bucket", "moderation_review_pending", "moderation_moderator_decisions_total",
            "moderation_ready", "http_server_request_duration_seconds_count", "rabbitmq_queue_messages",
        ];
        foreach (var expression in expressions)
        {
            var metrics = MetricName().Matches(Grouping().Replace(expression, "")).Select(match => match.Value).ToList();
            Assert.True(metrics.Count > 0, expression);
            Assert.All(metrics, metric => Assert.Contains(metric, exported));
        }
    }

    [Fact]
    public void The_worker_scales_with_KEDA_on_its_own_queue_and_no_HPA_competes()
    {
        var autoscaler = File.ReadAllText(RepositoryFiles.PathOf("deploy", "k8s", "worker-autoscaler.yaml"));
        var queue = KebabCaseEndpointNameFormatter.Instance.Consumer<ModerateCommentConsumer>();
        Assert.Contains("kind: ScaledObject", autoscaler, StringComparison.Ordinal);
        Assert.Contains($"queueName: {queue}", autoscaler, StringComparison.Ordinal);
        Assert.Contains("key: Messaging__RabbitMqUri", autoscaler, StringComparison.Ordinal);
        Assert.DoesNotContain("HorizontalPodAutoscaler", File.ReadAllText(RepositoryFiles.PathOf("deploy", "k8s", "worker.yaml")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"- alert: (\w+)")]
    private static partial Regex AlertName();

    /// <summary>Snake-case names not called as a function (<c>histogram_quantile(</c>): metric names, once groupings are gone.</summary>
    [GeneratedRegex(@"\b[a-z]+(?:_[a-z]+)+\b(?!\s*\()")]
    private static partial Regex MetricName();

    /// <summary><c>by (label, ...)</c> clauses, whose label names look like metric names.</summary>
    [GeneratedRegex(@"\b(?:by|without)\s*\([^)]*\)")]
    private static partial Regex Grouping();
}
