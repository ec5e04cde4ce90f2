using System.Security.Claims;
using Moderation.Storage.Review;

namespace Moderation.Review.Auth;

/// <summary>
/// Rebuilds a signed-in person from the store: their account as it is now, and whether their session or API token
/// still stands. Every cookie request goes through it, and a long-lived live-updates stream asks it again on each poll.
/// </summary>
public sealed class ReviewPrincipals(IModeratorAccountStore accounts, IModeratorTokenStore tokens, ReviewSessions sessions)
{
    public const string TokenHashClaim = "review:token";

    /// <summary>The principal as of now, or null when the account is gone or disabled or the session/token was ended.</summary>
    public async Task<ClaimsPrincipal?> CurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var identity = user.Identities.FirstOrDefault(i => i.IsAuthenticated);
        var username = user.FindFirstValue(ClaimTypes.Name);
        if (identity is null || username is null)
        {
            return null;
        }

        var account = await accounts.GetAsync(username, cancellationToken);
        if (account is null || account.Disabled)
        {
            return null;
        }

        if (identity.AuthenticationType == ReviewAuthentication.TokenScheme)
        {
            var hash = user.FindFirstValue(TokenHashClaim);
            var token = hash is null ? null : await tokens.FindByHashAsync(hash, cancellationToken);
            return token is { Revoked: false } && token.Username == username
                ? ReviewClaims.Principal(account, identity.AuthenticationType, user.FindAll(TokenHashClaim))
                : null;
        }

        return await sessions.IsActiveAsync(user, cancellationToken)
            ? ReviewClaims.Principal(account, identity.AuthenticationType!, user.FindAll(ReviewSessions.SessionClaim))
            : null;
    }
}
