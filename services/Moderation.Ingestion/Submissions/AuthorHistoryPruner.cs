using Microsoft.Extensions.Options;
using Moderation.Storage.Activity;

namespace Moderation.Ingestion.Submissions;

/// <summary>Drops author history older than <see cref="IngestionOptions.AuthorHistoryWindow"/>, once an hour.</summary>
public sealed class AuthorHistoryPruner(
    IAuthorHistoryStore history, IOptions<IngestionOptions> options, TimeProvider clock, ILogger<AuthorHistoryPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var removed = await history.PruneAsync(clock.GetUtcNow() - options.Value.AuthorHistoryWindow, stoppingToken);
                logger.LogDebug("Pruned {Count} author history entries", removed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Pruning author history failed; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
