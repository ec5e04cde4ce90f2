namespace Moderation.Contracts;

/// <summary>
/// An article's moderation mode changed: <paramref name="Mode"/> is <c>normal</c>, <c>premoderate</c> or <c>closed</c>;
/// <paramref name="Reason"/> says what set it (<c>editor</c>, <c>surge</c>, <c>surge_ended</c>, <c>schedule</c>);
/// <paramref name="Until"/> is when an automatic surge ends unless comments keep coming.
/// </summary>
public sealed record ArticleModeChanged(
    string SiteId,
    string ArticleId,
    string Mode,
    string Reason,
    DateTimeOffset ChangedAt,
    DateTimeOffset? Until = null);
