using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Moderation.ServiceDefaults.Sites;

/// <summary>Finds the site an API key belongs to. Keys are compared through their SHA-256 so lookups leak no timing.</summary>
public sealed class SiteRegistry
{
    private readonly IOptionsMonitor<SitesOptions> options;
    private (SitesOptions Source, Dictionary<string, string> SiteByKeyHash) cache;

    public SiteRegistry(IOptionsMonitor<SitesOptions> options)
    {
        this.options = options;
        cache = Build(options.CurrentValue);
    }

    public string? FindSiteByApiKey(string apiKey)
    {
        var current = options.CurrentValue;
        var snapshot = cache;
        if (!ReferenceEquals(snapshot.Source, current))
        {
            snapshot = cache = Build(current);
        }

        return snapshot.SiteByKeyHash.GetValueOrDefault(Hash(apiKey));
    }

    public SiteOptions? Find(string siteId) => options.CurrentValue.GetValueOrDefault(siteId);

    public IReadOnlyCollection<string> SiteIds => options.CurrentValue.Keys;

    private static (SitesOptions, Dictionary<string, string>) Build(SitesOptions sites) =>
        (sites, sites
            .SelectMany(site => site.Value.ApiKeys.Select(key => (Hash: Hash(key), SiteId: site.Key)))
            .DistinctBy(entry => entry.Hash)
            .ToDictionary(entry => entry.Hash, entry => entry.SiteId, StringComparer.Ordinal));

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
