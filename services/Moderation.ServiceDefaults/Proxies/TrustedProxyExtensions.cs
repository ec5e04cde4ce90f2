using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Moderation.ServiceDefaults.Proxies;

/// <summary>
/// Behind a TLS proxy the request's scheme, host and client address are the proxy's own unless its forwarded headers
/// are applied. They are applied only from the configured proxies: cookies become <c>Secure</c>, redirects
/// <c>https</c>, and per-client limits see the client.
/// </summary>
public static class TrustedProxyExtensions
{
    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrustedProxyOptions>()
            .BindConfiguration(TrustedProxyOptions.Section)
            .Validate(options => options.KnownProxies.All(proxy => IPAddress.TryParse(proxy, out _)),
                "ForwardedHeaders:KnownProxies must hold IP addresses.")
            .Validate(options => options.KnownNetworks.All(network => System.Net.IPNetwork.TryParse(network, out _)),
                "ForwardedHeaders:KnownNetworks must hold networks in CIDR notation (e.g. 10.0.0.0/8).")
            .Validate(options => options.ForwardLimit is >= 1 and <= 10, "ForwardedHeaders:ForwardLimit must be between 1 and 10.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.ForwardLimit = trusted.Value.ForwardLimit;

            // The framework trusts loopback by default; only what is configured is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>
    /// Applies the forwarded headers when a proxy is configured. With none it adds nothing: the framework's middleware
    /// would trust every sender when both of its lists are empty.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var trusted = app.ApplicationServices.GetRequiredService<IOptions<TrustedProxyOptions>>().Value;
        return trusted.KnownProxies.Count + trusted.KnownNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }
}
