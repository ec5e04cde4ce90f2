namespace Moderation.Storage.Articles;

/// <summary>
/// What the Ingestion API keeps per article for its moderation mode: the editor's setting (null when none),
/// <see cref="SurgeUntil"/> while an automatic surge lasts, and when the article's first comment arrived (for a
/// schedule that closes it some time after).
/// </summary>
public sealed record ArticleState(
    string SiteId,
    string ArticleId,
    ArticleMode? EditorMode = null,
    DateTimeOffset? EditorModeSetAt = null,
    DateTimeOffset? SurgeUntil = null,
    DateTimeOffset? FirstCommentAt = null);
