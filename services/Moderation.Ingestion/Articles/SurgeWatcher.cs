using Moderation.Contracts;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage.Articles;

namespace Moderation.Ingestion.Articles;

/// <summary>
/// Ends surges: every <see cref="IngestionOptions.SurgeCheckInterval"/> it announces each article whose quiet period
/// passed (<c>surge_ended</c>, with the mode the article is in after it) and then clears the surge, only if no new
/// minute over the limit extended it meanwhile. An announcement the broker does not confirm is tried again next round.
/// Old per-minute counts are pruned on the way.
/// </summary>
public sealed class SurgeWatcher(
    IServiceScopeFactory scopes,
    IArticleStateStore articles,
    SiteRegistry sites,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<IngestionOptions> options,
    ILogger<SurgeWatcher> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SurgeCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await EndSurgesAsync(stoppingToken);
                await articles.PruneCountsAsync(clock.GetUtcNow().AddHours(-1), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Ending surges failed; will try again");
            }
        }
    }

    public async Task EndSurgesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var gate = scope.ServiceProvider.GetRequiredService<ArticleGate>();
        foreach (var ended in await articles.ListEndedSurgesAsync(now, Batch, cancellationToken))
        {
            var after = ArticleModes.At(ended with { SurgeUntil = null }, sites.Find(ended.SiteId), now);
            var announced = await gate.TryAnnounceAsync(
                new ArticleModeChanged(ended.SiteId, ended.ArticleId, after.ModeName, "surge_ended", ended.SurgeUntil!.Value), cancellationToken);
            if (announced)
            {
                await articles.ClearSurgeAsync(ended.SiteId, ended.ArticleId, ended.SurgeUntil.Value, cancellationToken);
            }
        }
    }
}
