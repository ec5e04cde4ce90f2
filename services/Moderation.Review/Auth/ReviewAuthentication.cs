using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Moderation.Review.Auth;

/// <summary>
/// The console's authentication schemes: a cookie session, API tokens for automation, and OpenID Connect when configured.
/// No default scheme is set, because the composed host also serves the site API with its own scheme; the review
/// policies name their schemes instead.
/// </summary>
public static class ReviewAuthentication
{
    public const string CookieScheme = "ReviewCookie";
    public const string TokenScheme = "ReviewToken";
    public const string OpenIdConnectScheme = "ReviewOpenIdConnect";
    public const string ModeratorPolicy = "ReviewModerator";
    public const string AdminPolicy = "ReviewAdmin";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    public const string OpenIdConnectCallbackPath = "/v1/review/auth/oidc-callback";

    public static IHostApplicationBuilder AddReviewAuthentication(this IHostApplicationBuilder builder)
    {
        var review = builder.Configuration.GetSection(ReviewOptions.Section).Get<ReviewOptions>() ?? new ReviewOptions();
        var authentication = builder.Services.AddAuthentication()
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "moderation.review";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = review.SessionIdleTimeout;
                cookie.Events = new CookieAuthenticationEvents
                {
                    OnSigningIn = StartSessionAsync,
                    OnValidatePrincipal = RefreshFromAccountAsync,

                    // An API answers 401/403; it never redirects to a sign-in page.
                    OnRedirectToLogin = context => WriteStatus(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => WriteStatus(context, StatusCodes.Status403Forbidden),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ReviewTokenAuthenticationHandler>(TokenScheme, null);

        if (review.OpenIdConnect.Enabled)
        {
            authentication.AddOpenIdConnect(OpenIdConnectScheme, review.OpenIdConnect.DisplayName, oidc =>
                ReviewSingleSignOn.Configure(oidc, review.OpenIdConnect));
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ModeratorPolicy, policy => policy
                .AddAuthenticationSchemes(CookieScheme, TokenScheme)
                .RequireAuthenticatedUser()
                .RequireRole(ReviewClaims.ModeratorRole, ReviewClaims.AdminRole))
            .AddPolicy(AdminPolicy, policy => policy
                .AddAuthenticationSchemes(CookieScheme, TokenScheme)
                .RequireAuthenticatedUser()
                .RequireRole(ReviewClaims.AdminRole));

        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryHeader;
            antiforgery.Cookie.Name = "moderation.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    /// <summary>Every cookie sign-in (password or single sign-on) starts a server-side session named in the cookie.</summary>
    private static async Task StartSessionAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && identity.Name is { } username
            && !identity.HasClaim(claim => claim.Type == ReviewSessions.SessionClaim))
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<ReviewSessions>();
            identity.AddClaim(new Claim(ReviewSessions.SessionClaim, await sessions.StartAsync(username, context.HttpContext.RequestAborted)));
        }
    }

    /// <summary>
    /// Every request re-reads the account and the session, so signing out, disabling a moderator, changing their
    /// password or their sites takes effect on the next request instead of when the cookie expires.
    /// </summary>
    private static async Task RefreshFromAccountAsync(CookieValidatePrincipalContext context)
    {
        var principals = context.HttpContext.RequestServices.GetRequiredService<ReviewPrincipals>();
        var current = context.Principal is null ? null : await principals.CurrentAsync(context.Principal, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }

        context.ReplacePrincipal(current);
    }

    private static Task WriteStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
