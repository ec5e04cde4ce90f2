namespace Moderation.Client.Models;

/// <summary>
/// An article's moderation now: <paramref name="Mode"/> <c>normal|premoderate|closed</c>, set by <paramref name="Reason"/>
/// <c>editor|schedule|surge|default</c>; the editor's own setting (null: automatic); when a running surge ends.
/// </summary>
public sealed record ArticleModeration(
    string SiteId,
    string ArticleId,
    string Mode,
    string Reason,
    string? EditorMode,
    DateTimeOffset? SurgeUntil,
    DateTimeOffset? FirstCommentAt);
