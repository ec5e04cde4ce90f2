using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Moderation.ServiceDefaults.Sites;

/// <summary>Authentication, authorization and per-site rate limiting of the site-facing API.</summary>
public static class SiteApiExtensions
{
    public const string Policy = "site";
    public const string RateLimitPolicy = "per-site";

    public static IHostApplicationBuilder AddSiteApi(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<SitesOptions>()
            .BindConfiguration(SitesOptions.Section)
            .ValidateDataAnnotations()
            .Validate(sites => development || sites.Count > 0,
                "Sites: no site is configured. Set Sites:<siteId>:ApiKeys:0 (for example the environment variable Sites__mysite__ApiKeys__0).")
            .ValidateOnStart();
        builder.Services.AddSingleton<SiteRegistry>();

        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SiteApiKeyAuthenticationHandler>(SiteApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy
                .AddAuthenticationSchemes(SiteApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(SiteApiKeyAuthenticationHandler.SiteClaim));

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var siteId = context.User.SiteId();
                if (siteId is null)
                {
                    return RateLimitPartition.GetNoLimiter("anonymous");
                }

                // Reads (status, article pages) spend their own budget, so a site polling status cannot starve its submissions.
                var site = context.RequestServices.GetRequiredService<SiteRegistry>().Find(siteId);
                var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
                var perMinute = read ? site?.ReadsPerMinute ?? SiteOptions.DefaultReadsPerMinute : site?.RequestsPerMinute ?? SiteOptions.DefaultRequestsPerMinute;
                return RateLimitPartition.GetSlidingWindowLimiter($"{siteId}:{(read ? "read" : "write")}:{perMinute}", _ => PerMinute(perMinute));
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too many requests",
                        detail: $"This site's rate limit is reached; retry after {retryAfter} s.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>
    /// Exactly <paramref name="perMinute"/> requests in any minute, for any value: a window of one minute sliding by the
    /// second. (A token bucket refilling whole tokens per second rounds the rate down to a multiple of 60.)
    /// </summary>
    public static SlidingWindowRateLimiterOptions PerMinute(int perMinute) => new()
    {
        PermitLimit = perMinute,
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 60,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Must run after routing so endpoint rate-limit policies apply.</summary>
    public static WebApplication UseSiteApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Requires a site key and applies the per-site rate limit to a route group.</summary>
    public static TBuilder RequireSite<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy).RequireRateLimiting(RateLimitPolicy);
}
