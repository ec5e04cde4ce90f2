using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Moderation.Storage.Review;

namespace Moderation.Review.Auth;

/// <summary>
/// OpenID Connect sign-in mapped onto local accounts: the identity provider proves who someone is, and the local
/// account (found by the configured claim) says what they may do. Nobody without an enabled account gets in.
/// </summary>
public static class ReviewSingleSignOn
{
    public static void Configure(OpenIdConnectOptions oidc, ReviewOpenIdConnectOptions settings)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        oidc.CallbackPath = ReviewAuthentication.OpenIdConnectCallbackPath;
        oidc.SignInScheme = ReviewAuthentication.CookieScheme;
        oidc.MapInboundClaims = false;
        oidc.Scope.Clear();
        oidc.Scope.Add("openid");
        oidc.Scope.Add("profile");
        oidc.Scope.Add("email");
        oidc.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = async context =>
            {
                var claimed = context.Principal?.FindFirstValue(settings.UsernameClaim);
                var accounts = context.HttpContext.RequestServices.GetRequiredService<IModeratorAccountStore>();
                var account = claimed is null ? null : await accounts.GetAsync(ModeratorNames.Normalize(claimed), context.HttpContext.RequestAborted);
                if (account is null || account.Disabled)
                {
                    context.Fail($"No enabled console account matches the '{settings.UsernameClaim}' claim.");
                    return;
                }

                context.Principal = ReviewClaims.Principal(account, ReviewAuthentication.CookieScheme);
            },
        };
    }
}
