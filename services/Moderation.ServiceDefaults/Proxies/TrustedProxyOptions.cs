namespace Moderation.ServiceDefaults.Proxies;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> are believed, under
/// <c>ForwardedHeaders:</c>. Empty (the default) trusts nobody, so a client cannot claim another address or HTTPS.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. <c>172.16.0.0/12</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may have added to the headers.</summary>
    public int ForwardLimit { get; set; } = 1;
}
