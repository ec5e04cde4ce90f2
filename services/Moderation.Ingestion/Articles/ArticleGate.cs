using MassTransit;
using Moderation.Ingestion.Messaging;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage;
using Moderation.Storage.Articles;

namespace Moderation.Ingestion.Articles;

/// <summary>
/// Counts each submission against its article and says which mode it meets: closed (refuse), pre-moderate (hold) or
/// normal. The submission that starts a surge also announces it (<see cref="ArticleModeChanged"/>).
/// </summary>
public sealed class ArticleGate(
    IArticleStateStore articles,
    SiteRegistry sites,
    IPublishEndpoint publisher,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<ArticleGate> logger)
{
    public async Task<EffectiveMode> AdmitAsync(string siteId, string articleId, CancellationToken cancellationToken)
    {
        var site = sites.Find(siteId);
        var now = StoredTime.Truncate(clock.GetUtcNow());
        var surge = site?.Surge ?? new SurgeOptions();
        var counted = await articles.CountSubmissionAsync(siteId, articleId, now, surge.CommentsPerMinute, surge.QuietPeriod, cancellationToken);
        var mode = ArticleModes.At(counted.State, site, now);
        if (counted.SurgeStarted && mode.Reason == "surge")
        {
            await TryAnnounceAsync(new ArticleModeChanged(siteId, articleId, mode.ModeName, "surge", now, mode.Until), cancellationToken);
        }

        return mode;
    }

    /// <summary>
    /// A lost announcement changes no comment's fate (the mode is in the store), so a broker that does not confirm in
    /// time is logged, not turned into a refused comment.
    /// </summary>
    public async Task<bool> TryAnnounceAsync(ArticleModeChanged changed, CancellationToken cancellationToken)
    {
        if (await publisher.TryPublishWithinAsync(changed, options.Value.PublishTimeout, cancellationToken) is not { } failure)
        {
            return true;
        }

        logger.LogWarning(failure, "The broker did not confirm the mode change of article {SiteId}/{ArticleId}", changed.SiteId, changed.ArticleId);
        return false;
    }
}
