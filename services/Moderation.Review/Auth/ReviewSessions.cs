using System.Security.Claims;
using System.Security.Cryptography;
using Moderation.Storage.Review;

namespace Moderation.Review.Auth;

/// <summary>
/// Server-side console sessions. The cookie names a session by a random key; the store holds its hash and whether it
/// was ended. Signing out, a password change and disabling the account end sessions on the server, so a copied or
/// replayed cookie stops working on its next request.
/// </summary>
public sealed class ReviewSessions(IModeratorSessionStore sessions, TimeProvider clock)
{
    public const string SessionClaim = "review:session";

    /// <summary>Starts a session for <paramref name="username"/>; the returned key goes into the cookie's claims.</summary>
    public async Task<string> StartAsync(string username, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await sessions.AddAsync(new ModeratorSession(ReviewTokens.Hash(key), username, clock.GetUtcNow()), cancellationToken);
        return key;
    }

    /// <summary>True when the principal's session exists, belongs to it and was not ended.</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var key = user.FindFirstValue(SessionClaim);
        var username = user.FindFirstValue(ClaimTypes.Name);
        if (key is null || username is null)
        {
            return false;
        }

        var session = await sessions.FindAsync(ReviewTokens.Hash(key), cancellationToken);
        return session is { Revoked: false } && session.Username == username;
    }

    public async Task EndAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(SessionClaim) is { } key)
        {
            await sessions.RevokeAsync(ReviewTokens.Hash(key), cancellationToken);
        }
    }

    /// <summary>Ends every session of the account except the one <paramref name="keep"/> is signed in with (if any).</summary>
    public Task<long> EndAllAsync(string username, ClaimsPrincipal? keep, CancellationToken cancellationToken)
    {
        var kept = keep?.FindFirstValue(SessionClaim) is { } key ? ReviewTokens.Hash(key) : null;
        return sessions.RevokeAllAsync(username, kept, cancellationToken);
    }
}
