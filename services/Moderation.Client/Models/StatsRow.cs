namespace Moderation.Client.Models;

/// <summary>
/// One day (<c>yyyy-MM-dd</c>, UTC) or article of comments: how many were submitted, approved, flagged and rejected by
/// the rules, reported by at least one reader, and decided by a moderator.
/// </summary>
public sealed record StatsRow(string Key, long Submitted, long Approved, long Flagged, long Rejected, long Reported, long Decided);
