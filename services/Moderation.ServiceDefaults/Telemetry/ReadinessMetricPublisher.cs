using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Moderation.ServiceDefaults.Telemetry;

/// <summary>
/// Runs the readiness checks in the background and reports them as <c>moderation_ready</c>, so Prometheus sees what
/// the orchestrator's probe of <c>/health/ready</c> sees and can alert on it.
/// </summary>
public sealed class ReadinessMetricPublisher(ModerationMetrics metrics) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        metrics.Ready(report.Status == HealthStatus.Healthy);
        return Task.CompletedTask;
    }
}
