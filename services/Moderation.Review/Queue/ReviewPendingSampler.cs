using Moderation.ServiceDefaults.Telemetry;
using Moderation.Storage.Review;

namespace Moderation.Review.Queue;

/// <summary>
/// Counts each configured site's pending review items every <see cref="Interval"/> for
/// <c>moderation_review_pending{site}</c>: the store is the truth, so every replica reports the same backlog.
/// </summary>
public sealed class ReviewPendingSampler(
    IReviewQueueStore queue, SiteLabels sites, ModerationMetrics metrics, TimeProvider clock, ILogger<ReviewPendingSampler> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            foreach (var site in sites.Configured())
            {
                try
                {
                    metrics.ReviewPending(site, await queue.CountPendingAsync(site, stoppingToken));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Counting the review queue of site {SiteId} failed; will try again", site);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
