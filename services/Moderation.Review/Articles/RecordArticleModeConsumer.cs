using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Articles;

/// <summary>
/// Keeps Review's copy of each article's moderation mode, so the console shows it without asking Ingestion on a page
/// load. A change older than the stored one is ignored, so replays and out-of-order events leave the latest.
/// </summary>
public sealed class RecordArticleModeConsumer(IReviewCommentLogStore articles) : IConsumer<ArticleModeChanged>
{
    public Task Consume(ConsumeContext<ArticleModeChanged> context)
    {
        var changed = context.Message;
        return articles.SetArticleModeAsync(
            changed.SiteId, changed.ArticleId, new ReviewArticleMode(changed.Mode, changed.Reason, changed.ChangedAt, changed.Until),
            context.CancellationToken);
    }
}
