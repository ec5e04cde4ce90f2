namespace Moderation.Storage.Stats;

/// <summary>Owned by the Ingestion API: a site's counts, read from its comment status and reports.</summary>
public interface ISiteStatsStore
{
    /// <summary>The counts of the comments submitted in [<paramref name="from"/>, <paramref name="to"/>), one row per group in key order.</summary>
    Task<IReadOnlyList<StatsRow>> CountAsync(
        string siteId, DateTimeOffset from, DateTimeOffset to, StatsGrouping by, CancellationToken cancellationToken = default);
}
