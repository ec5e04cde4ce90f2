using System.Security.Claims;
using Moderation.Storage.Review;

namespace Moderation.Review.Auth;

/// <summary>What the console knows about a signed-in person, rebuilt from their account on every request.</summary>
public static class ReviewClaims
{
    public const string SiteClaim = "review:site";
    public const string AdminRole = "admin";
    public const string ModeratorRole = "moderator";

    /// <param name="carried">Claims of the request that are not from the account (its session), kept when rebuilding.</param>
    public static ClaimsPrincipal Principal(ModeratorAccount account, string authenticationType, IEnumerable<Claim>? carried = null)
    {
        var claims = new List<Claim>
        {
            // A stable unique claim, so antiforgery tokens stay valid when the account's sites change.
            new(ClaimTypes.NameIdentifier, "account:" + account.Username),
            new(ClaimTypes.Name, account.Username),
            new(ClaimTypes.Role, account.Role == Storage.Review.ModeratorRole.Admin ? AdminRole : ModeratorRole),
        };
        claims.AddRange(account.Sites.Select(site => new Claim(SiteClaim, site)));
        claims.AddRange((carried ?? []).Select(claim => new Claim(claim.Type, claim.Value)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string Username(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The console user has no name.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AdminRole);

    /// <summary>Admins review every site; a moderator only the sites granted to them.</summary>
    public static bool CanReview(this ClaimsPrincipal user, string siteId) =>
        user.IsAdmin() || user.HasClaim(SiteClaim, siteId);

    public static IReadOnlyList<string> GrantedSites(this ClaimsPrincipal user) =>
        [.. user.FindAll(SiteClaim).Select(claim => claim.Value)];

    /// <summary>True when the request was authenticated by an API token rather than the console's cookie.</summary>
    public static bool UsesApiToken(this ClaimsPrincipal user) =>
        user.Identities.Any(identity => identity.IsAuthenticated && identity.AuthenticationType == ReviewAuthentication.TokenScheme);
}
