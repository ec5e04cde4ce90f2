using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Moderation.Storage.Hosting;

/// <summary>
/// Creates tables and indexes before the service takes traffic. Transient faults are retried with backoff; if the store
/// stays unreachable the host fails to start, so the orchestrator restarts it rather than serving errors.
/// </summary>
internal sealed partial class StoreInitializer(ModerationStores stores, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await stores.InitializeAsync(cancellationToken).ConfigureAwait(false);
        LogReady(logger, string.Join(", ", stores.Owners));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Store schema ready ({Owners})")]
    private static partial void LogReady(ILogger logger, string owners);
}
