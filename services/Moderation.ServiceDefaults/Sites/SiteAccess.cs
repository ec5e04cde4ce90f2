using System.Security.Claims;

namespace Moderation.ServiceDefaults.Sites;

public static class SiteAccess
{
    /// <summary>The site a request is authenticated as, or null.</summary>
    public static string? SiteId(this ClaimsPrincipal user) =>
        user.FindFirst(SiteApiKeyAuthenticationHandler.SiteClaim)?.Value;

    /// <summary>A key only reaches its own site: anything else is answered as not found.</summary>
    public static bool CanAccessSite(this ClaimsPrincipal user, string siteId) =>
        string.Equals(user.SiteId(), siteId, StringComparison.Ordinal);
}
