using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Review.Api.Models;
using Moderation.Review.Auth;
using Moderation.Storage.Review;

namespace Moderation.Review.Api;

/// <summary>Sign-in, sign-out, the antiforgery token, and who is signed in.</summary>
public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder review)
    {
        var auth = review.MapGroup("/auth");
        auth.MapGet("/antiforgery", GetAntiforgeryAsync);
        auth.MapGet("/options", (IOptions<ReviewOptions> options) => TypedResults.Ok(new AuthOptionsResponse(
            options.Value.OpenIdConnect.Enabled, options.Value.OpenIdConnect.Enabled ? options.Value.OpenIdConnect.DisplayName : null)));
        auth.MapPost("/sign-in", SignInAsync).AddEndpointFilter<AntiforgeryFilter>();
        auth.MapPost("/sign-out", (Delegate)SignOutAsync).AddEndpointFilter<AntiforgeryFilter>();
        auth.MapGet("/sso", SingleSignOn);

        review.MapGet("/me", (HttpContext http) => TypedResults.Ok(Me(http)))
            .RequireAuthorization(ReviewAuthentication.ModeratorPolicy);
    }

    public static MeResponse Me(HttpContext http) => new(
        http.User.Username(), http.User.IsAdmin() ? ReviewClaims.AdminRole : ReviewClaims.ModeratorRole, http.User.GrantedSites());

    // The token is bound to whoever is signed in, so the console fetches a fresh one after signing in.
    private static async Task<Ok<AntiforgeryResponse>> GetAntiforgeryAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var session = await http.AuthenticateAsync(ReviewAuthentication.CookieScheme);
        if (session.Succeeded)
        {
            http.User = session.Principal;
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AntiforgeryResponse(tokens.RequestToken!, ReviewAuthentication.AntiforgeryHeader));
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, IModeratorAccountStore accounts, SignInThrottle throttle)
    {
        var username = ModeratorNames.Normalize(request.Username ?? string.Empty);
        if (!throttle.TryAttempt(http.Connection.RemoteIpAddress?.ToString(), username))
        {
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts; wait a minute.");
        }

        var account = ModeratorNames.IsValid(username) ? await accounts.GetAsync(username, http.RequestAborted) : null;

        // One answer for an unknown user, a wrong password and a disabled account, so the answer reveals nothing.
        if (account is null || account.Disabled || !ModeratorPasswords.Verify(account, request.Password ?? string.Empty))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong username or password.");
        }

        var principal = ReviewClaims.Principal(account, ReviewAuthentication.CookieScheme);
        await http.SignInAsync(ReviewAuthentication.CookieScheme, principal);
        http.User = principal;
        return TypedResults.Ok(Me(http));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(ReviewAuthentication.CookieScheme);
        return TypedResults.NoContent();
    }

    private static IResult SingleSignOn(IOptions<ReviewOptions> options) => options.Value.OpenIdConnect.Enabled
        ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/console/" }, [ReviewAuthentication.OpenIdConnectScheme])
        : TypedResults.NotFound();
}
