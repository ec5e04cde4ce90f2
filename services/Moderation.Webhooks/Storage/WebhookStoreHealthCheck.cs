using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Moderation.Webhooks.Storage;

/// <summary>Readiness: the webhook store answers a ping.</summary>
internal sealed class WebhookStoreHealthCheck(IWebhookStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The webhook store did not answer a ping.", exception);
        }
    }
}
