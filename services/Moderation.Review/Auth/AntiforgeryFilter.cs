using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Moderation.Review.Auth;

/// <summary>
/// Refuses a state-changing request made with the console's cookie unless it carries the antiforgery token in its
/// header, which a cross-site page cannot read. Requests with an API token carry no ambient credential and are exempt.
/// </summary>
public sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || http.User.UsesApiToken())
        {
            return await next(context);
        }

        // The token is bound to the signed-in user. Routes open to anyone (sign-out) have not authenticated the cookie
        // yet, so do it here; otherwise a signed-in user's own token would not match an anonymous request.
        if (http.User.Identity?.IsAuthenticated != true
            && await http.AuthenticateAsync(ReviewAuthentication.CookieScheme) is { Succeeded: true } session)
        {
            http.User = session.Principal;
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Antiforgery token missing or invalid",
                detail: $"Send the token from GET /v1/review/auth/antiforgery in the {ReviewAuthentication.AntiforgeryHeader} header.");
        }

        return await next(context);
    }
}
