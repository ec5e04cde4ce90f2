using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Moderation.Storage.Review;

namespace Moderation.Review.Auth;

/// <summary>
/// <c>Authorization: Bearer mrt_…</c> for an admin's automation. Other bearer values (a site's API key) are not ours,
/// so they yield no result rather than a failure.
/// </summary>
public sealed class ReviewTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IModeratorTokenStore tokens,
    IModeratorAccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            || !header.AsSpan(bearer.Length).Trim().StartsWith(ReviewTokens.Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ReviewTokens.Hash(header[bearer.Length..].Trim());
        var token = await tokens.FindByHashAsync(hash, Context.RequestAborted);
        if (token is null || token.Revoked)
        {
            return AuthenticateResult.Fail("Unknown or revoked API token.");
        }

        var account = await accounts.GetAsync(token.Username, Context.RequestAborted);
        if (account is null || account.Disabled)
        {
            return AuthenticateResult.Fail("The token's account is disabled.");
        }

        var principal = ReviewClaims.Principal(account, Scheme.Name, [new System.Security.Claims.Claim(ReviewPrincipals.TokenHashClaim, hash)]);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
