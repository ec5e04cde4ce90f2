namespace Moderation.Storage.Stats;

/// <summary>How a site's counts are grouped: by the UTC day a comment was submitted, or by article.</summary>
public enum StatsGrouping
{
    Day,
    Article,
}
