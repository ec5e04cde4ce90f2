namespace Moderation.Review.Api.Models;

/// <summary>The standing a moderator last set (normal, banned, premoderated, trusted); a ban that ended reads as normal.</summary>
public sealed record AuthorStandingView(string Standing, DateTimeOffset? Until, string? Moderator, DateTimeOffset? At);
