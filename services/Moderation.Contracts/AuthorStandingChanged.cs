namespace Moderation.Contracts;

/// <summary>
/// Published by the Review service when a moderator bans, pre-moderates, trusts or clears an author on a site. The
/// worker keeps the latest per author (by <see cref="ChangedAt"/>) and applies it to the author's next comment.
/// <see cref="Until"/> ends a ban; null means permanent (and is ignored by the other standings).
/// </summary>
public sealed record AuthorStandingChanged(
    string SiteId,
    string AuthorId,
    AuthorStanding Standing,
    DateTimeOffset? Until,
    string ModeratorId,
    DateTimeOffset ChangedAt);
