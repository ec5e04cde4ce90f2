using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Moderation.ServiceDefaults.Sites;

namespace Moderation.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps the <c>site</c> label of every metric bounded: a site configured in <c>Sites</c> is its own label, anything
/// else is <c>other</c>. A service that is given no sites (the worker needs no API keys) labels the first
/// <see cref="UnconfiguredLimit"/> well-formed site ids it sees, then <c>other</c>.
/// </summary>
public sealed class SiteLabels(IConfiguration configuration)
{
    public const string Other = "other";
    public const int UnconfiguredLimit = 100;

    private readonly ConcurrentDictionary<string, byte> seen = new(StringComparer.Ordinal);

    public string For(string? siteId)
    {
        if (siteId is null || !SiteIds.IsValid(siteId))
        {
            return Other;
        }

        var sites = configuration.GetSection(SitesOptions.Section);
        if (sites.GetChildren().Any())
        {
            return sites.GetSection(siteId).Exists() ? siteId : Other;
        }

        if (seen.ContainsKey(siteId))
        {
            return siteId;
        }

        return seen.Count < UnconfiguredLimit && seen.TryAdd(siteId, 0) ? siteId : Other;
    }

    /// <summary>The configured site ids, for gauges that are sampled per site.</summary>
    public IReadOnlyList<string> Configured() =>
        [.. configuration.GetSection(SitesOptions.Section).GetChildren().Select(site => site.Key).Where(SiteIds.IsValid)];
}
