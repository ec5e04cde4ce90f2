using Microsoft.Extensions.Options;
using Moderation.Storage.Review;

namespace Moderation.Review.Queue;

/// <summary>
/// Deletes decided items from the review queue once they are older than <see cref="ReviewOptions.DecidedRetention"/>
/// (and their event was sent), once an hour. Their audit entries stay in the audit log. Bulk actions whose undo window
/// closed go in the same pass.
/// </summary>
public sealed partial class DecidedItemPruner(
    IReviewQueueStore queue, IReviewBulkActionStore bulkActions, IOptions<ReviewOptions> options, TimeProvider clock, ILogger<DecidedItemPruner> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass; returns how many items it deleted.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        await bulkActions.PruneAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return await queue.PruneDecidedAsync(clock.GetUtcNow() - options.Value.DecidedRetention, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                LogPruned(logger, await PruneAsync(stoppingToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} decided review items")]
    private static partial void LogPruned(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning decided review items failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
