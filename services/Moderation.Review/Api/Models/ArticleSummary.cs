using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

/// <summary>
/// An article as Review knows it: the site's title, url and section (null until a comment brings them) and its moderation
/// mode (null until Ingestion announces one; <c>normal</c> needs no badge).
/// </summary>
public sealed record ArticleSummary(string SiteId, string ArticleId, string? Title, string? Url, string? Section, ReviewArticleMode? Mode)
{
    public static ArticleSummary From(string siteId, string articleId, ReviewArticle? article) =>
        new(siteId, articleId, article?.Title, article?.Url, article?.Section, article?.Mode);
}
