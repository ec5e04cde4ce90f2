namespace Moderation.Storage.Review;

/// <summary>
/// What the Review service knows of one article: the context sites send with comments (the latest non-empty
/// <see cref="Title"/>, <see cref="Url"/> and <see cref="Section"/>, as of <see cref="ContextAt"/>, the submit time of
/// the comment that set them) and its moderation mode from ArticleModeChanged (null until one arrives).
/// </summary>
public sealed record ReviewArticle(
    string SiteId,
    string ArticleId,
    string? Title,
    string? Url,
    string? Section,
    DateTimeOffset? ContextAt,
    ReviewArticleMode? Mode);
