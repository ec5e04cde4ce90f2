namespace Moderation.Client.Models;

/// <summary>A site's counts over [<paramref name="From"/>, <paramref name="To"/>), per UTC day or article, and their total.</summary>
public sealed record SiteStats(string SiteId, DateTimeOffset From, DateTimeOffset To, string By, IReadOnlyList<StatsRow> Items, StatsRow Total);
