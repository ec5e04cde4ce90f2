using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Review.Accounts;
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

        review.MapPost("/me/password", ChangePasswordAsync)
            .RequireAuthorization(ReviewAuthentication.ModeratorPolicy)
            .AddEndpointFilter<AntiforgeryFilter>();

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
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (throttle.RetryAfter(address, username) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-in attempts; wait and try again.");
        }

        var password = request.Password ?? string.Empty;
        var account = ModeratorNames.IsValid(username) ? await accounts.GetAsync(username, http.RequestAborted) : null;
        var verified = account is { Disabled: false, PasswordHash.Length: > 0 } && ModeratorPasswords.Verify(account, password);
        if (!verified && account is not { PasswordHash.Length: > 0 })
        {
            ModeratorPasswords.VerifyNothing(password);
        }

        // One answer, in the same time, for an unknown user, a wrong password and a disabled account.
        if (!verified)
        {
            throttle.Failed(address, username);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong username or password.");
        }

        throttle.Succeeded(username);
        var principal = ReviewClaims.Principal(account!, ReviewAuthentication.CookieScheme);
        await http.SignInAsync(ReviewAuthentication.CookieScheme, principal);
        http.User = principal;
        return TypedResults.Ok(Me(http));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, ReviewSessions sessions)
    {
        await sessions.EndAsync(http.User, http.RequestAborted);
        await http.SignOutAsync(ReviewAuthentication.CookieScheme);
        return TypedResults.NoContent();
    }

    /// <summary>Changes the signed-in person's own password; every other session of theirs ends.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext http, IModeratorAccountStore accounts, ModeratorAccounts changes, SignInThrottle throttle)
    {
        var username = http.User.Username();
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (throttle.RetryAfter(address, username) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed attempts; wait and try again.");
        }

        var account = await accounts.GetAsync(username, http.RequestAborted);
        if (account is null || !ModeratorPasswords.Verify(account, request.CurrentPassword ?? string.Empty))
        {
            throttle.Failed(address, username);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
        }

        var problem = await changes.SetPasswordAsync(username, request.NewPassword, keep: http.User, http.RequestAborted);
        return problem is null
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [problem] });
    }

    private static IResult SingleSignOn(IOptions<ReviewOptions> options) => options.Value.OpenIdConnect.Enabled
        ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/console/" }, [ReviewAuthentication.OpenIdConnectScheme])
        : TypedResults.NotFound();
}
