using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Moderation.Storage.Hosting;

/// <summary>Readiness: one cheap round trip to the database (SQLite <c>select 1</c>, MongoDB <c>ping</c>).</summary>
internal sealed class StoreHealthCheck(ModerationStores stores) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await stores.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The store did not answer a ping.", exception);
        }
    }
}
