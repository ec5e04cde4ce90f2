using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Review.Accounts;
using Moderation.Review.Api.Models;
using Moderation.Review.Auth;
using Moderation.Storage.Review;

namespace Moderation.Review.Api;

/// <summary>Admins manage accounts and their own API tokens.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this RouteGroupBuilder review)
    {
        var admin = review.MapGroup("/admin").RequireAuthorization(ReviewAuthentication.AdminPolicy);
        admin.MapGet("/moderators", async (IModeratorAccountStore accounts, CancellationToken cancellationToken) =>
            TypedResults.Ok((await accounts.ListAsync(cancellationToken)).Select(ModeratorView.From).ToList()));
        admin.MapPost("/moderators", CreateAsync);
        admin.MapPatch("/moderators/{username}", UpdateAsync);
        admin.MapPost("/moderators/{username}/password", ResetPasswordAsync);
        admin.MapGet("/tokens", async (HttpContext http, IModeratorTokenStore tokens) =>
            TypedResults.Ok((await tokens.ListAsync(http.User.Username(), http.RequestAborted))
                .Select(token => new TokenView(token.Id, token.Name, token.CreatedAt, token.Revoked)).ToList()));
        admin.MapPost("/tokens", CreateTokenAsync);
        admin.MapPost("/tokens/{id:guid}/revoke", RevokeTokenAsync);
    }

    private static async Task<Results<Created<ModeratorView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateModeratorRequest request, ModeratorAccounts accounts, IModeratorAccountStore store, CancellationToken cancellationToken)
    {
        if (!TryRole(request.Role ?? ReviewClaims.ModeratorRole, out var role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["role is 'moderator' or 'admin'."] });
        }

        var (result, problem) = await accounts.CreateAsync(request.Username, request.Password, role, request.Sites, cancellationToken);
        switch (result)
        {
            case AccountCreation.Invalid:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [problem!.Split(' ')[0]] = [problem] });
            case AccountCreation.UsernameTaken:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: problem);
            default:
                var account = await store.GetAsync(ModeratorNames.Normalize(request.Username!), cancellationToken);
                return TypedResults.Created($"/v1/review/admin/moderators/{account!.Username}", ModeratorView.From(account));
        }
    }

    private static async Task<Results<Ok<ModeratorView>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string username, UpdateModeratorRequest request, HttpContext http, IModeratorAccountStore store, ReviewSessions sessions)
    {
        var account = await store.GetAsync(ModeratorNames.Normalize(username), http.RequestAborted);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        var role = account.Role;
        if (request.Role is not null && !TryRole(request.Role, out role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["role is 'moderator' or 'admin'."] });
        }

        // An admin who locks themselves out would leave nobody to undo it.
        if (account.Username == http.User.Username() && (request.Disabled == true || role != ModeratorRole.Admin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "You cannot disable or demote yourself.");
        }

        var sites = request.Sites is null ? account.Sites : ModeratorAccounts.CleanSites(request.Sites);
        var disabled = request.Disabled ?? account.Disabled;
        await store.UpdateAsync(account.Username, role, sites, disabled, http.RequestAborted);
        if (disabled)
        {
            await sessions.EndAllAsync(account.Username, keep: null, http.RequestAborted);
        }

        return TypedResults.Ok(ModeratorView.From((await store.GetAsync(account.Username, http.RequestAborted))!));
    }

    /// <summary>An admin sets a new password for someone who lost theirs; every session of that account ends.</summary>
    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ResetPasswordAsync(
        string username, ResetPasswordRequest request, HttpContext http, IModeratorAccountStore store, ModeratorAccounts accounts)
    {
        var account = await store.GetAsync(ModeratorNames.Normalize(username), http.RequestAborted);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        var problem = await accounts.SetPasswordAsync(account.Username, request.NewPassword, keep: null, http.RequestAborted);
        return problem is null
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [problem] });
    }

    private static async Task<Results<Ok<CreatedTokenResponse>, ValidationProblem>> CreateTokenAsync(
        CreateTokenRequest request, HttpContext http, IModeratorTokenStore tokens, TimeProvider clock)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["name is 1-100 characters."] });
        }

        var token = ReviewTokens.Create();
        var stored = new ModeratorToken(MassTransit.NewId.NextGuid(), http.User.Username(), name, ReviewTokens.Hash(token), clock.GetUtcNow());
        await tokens.AddAsync(stored, http.RequestAborted);
        return TypedResults.Ok(new CreatedTokenResponse(stored.Id, name, token));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeTokenAsync(Guid id, HttpContext http, IModeratorTokenStore tokens)
    {
        var owned = (await tokens.ListAsync(http.User.Username(), http.RequestAborted)).Any(token => token.Id == id);
        return owned && await tokens.RevokeAsync(id, http.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static bool TryRole(string name, out ModeratorRole role)
    {
        role = name == ReviewClaims.AdminRole ? ModeratorRole.Admin : ModeratorRole.Moderator;
        return name is ReviewClaims.AdminRole or ReviewClaims.ModeratorRole;
    }
}
