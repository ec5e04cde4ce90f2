using System.Security.Claims;

namespace Moderation.Review.Queue;

/// <summary>Which sites' queues a person sees: their granted sites, and for an admin also every configured site.</summary>
public sealed class ReviewSites(IConfiguration configuration)
{
    public IReadOnlyList<string> For(ClaimsPrincipal user)
    {
        var sites = new SortedSet<string>(Auth.ReviewClaims.GrantedSites(user), StringComparer.Ordinal);
        if (Auth.ReviewClaims.IsAdmin(user))
        {
            sites.UnionWith(configuration.GetSection("Sites").GetChildren().Select(site => site.Key));
        }

        return [.. sites];
    }
}
