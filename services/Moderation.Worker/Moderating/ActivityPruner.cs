using Moderation.Storage.Activity;

namespace Moderation.Worker.Moderating;

/// <summary>Drops author activity older than any rule looks back, once an hour, so the shared store stays small.</summary>
public sealed class ActivityPruner(IAuthorActivityStore activity, TimeProvider clock, ILogger<ActivityPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var removed = await activity.PruneAsync(clock.GetUtcNow() - Retention, stoppingToken);
                logger.LogDebug("Pruned {Count} activity entries", removed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Pruning author activity failed; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
