namespace Moderation.Storage.Stats;

/// <summary>
/// Counts of one group (a UTC day <c>yyyy-MM-dd</c> or an article id) of the comments submitted in the range: how many
/// were submitted, what the rules decided (approved, flagged, rejected), how many readers reported at least once, and
/// how many a moderator decided.
/// </summary>
public sealed record StatsRow(string Key, long Submitted, long Approved, long Flagged, long Rejected, long Reported, long Decided);
