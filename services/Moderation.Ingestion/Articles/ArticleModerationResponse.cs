namespace Moderation.Ingestion.Articles;

/// <summary>
/// An article's moderation now: <paramref name="Mode"/> (<c>normal|premoderate|closed</c>) and what set it
/// (<paramref name="Reason"/>: <c>editor|schedule|surge|default</c>); the editor's own setting (null: automatic); when a
/// running surge ends unless comments keep coming; when the first comment arrived.
/// </summary>
public sealed record ArticleModerationResponse(
    string SiteId,
    string ArticleId,
    string Mode,
    string Reason,
    string? EditorMode,
    DateTimeOffset? SurgeUntil,
    DateTimeOffset? FirstCommentAt);
