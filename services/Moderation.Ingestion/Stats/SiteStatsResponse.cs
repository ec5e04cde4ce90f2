using Moderation.Storage.Stats;

namespace Moderation.Ingestion.Stats;

/// <summary>
/// What <c>GET /v1/sites/{siteId}/stats</c> returns: one row per UTC day or article of the comments submitted in
/// [<paramref name="From"/>, <paramref name="To"/>), and their total.
/// </summary>
public sealed record SiteStatsResponse(string SiteId, DateTimeOffset From, DateTimeOffset To, string By, IReadOnlyList<StatsRow> Items, StatsRow Total);
