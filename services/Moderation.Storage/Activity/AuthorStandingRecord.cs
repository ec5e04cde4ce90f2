using Moderation.Contracts;

namespace Moderation.Storage.Activity;

/// <summary>The worker's copy of an author's standing on a site, the latest a moderator set.</summary>
public sealed record AuthorStandingRecord(
    string SiteId,
    string AuthorId,
    AuthorStanding Standing,
    DateTimeOffset? Until,
    string ModeratorId,
    DateTimeOffset ChangedAt)
{
    /// <summary>The standing in force for a comment submitted at <paramref name="at"/>: a ban that ended is Normal.</summary>
    public AuthorStanding At(DateTimeOffset at) =>
        Standing == AuthorStanding.Banned && Until is { } until && until <= at ? AuthorStanding.Normal : Standing;
}
