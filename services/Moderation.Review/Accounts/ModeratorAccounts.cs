using System.Security.Claims;
using Moderation.Review.Auth;
using Moderation.Storage.Review;

namespace Moderation.Review.Accounts;

/// <summary>Creating and changing console accounts, with the checks every path (console, bootstrap) shares.</summary>
public sealed class ModeratorAccounts(IModeratorAccountStore store, ReviewSessions sessions, TimeProvider clock)
{
    public async Task<(AccountCreation Result, string? Problem)> CreateAsync(
        string? username, string? password, ModeratorRole role, IEnumerable<string>? sites, CancellationToken cancellationToken)
    {
        if (!ModeratorNames.IsValid(username))
        {
            return (AccountCreation.Invalid, "username must be 1-64 letters, digits, '.', '_', '@' or '-'");
        }

        if (password is null || password.Length < ModeratorPasswords.MinimumLength)
        {
            return (AccountCreation.Invalid, $"password must have at least {ModeratorPasswords.MinimumLength} characters");
        }

        var account = new ModeratorAccount(
            ModeratorNames.Normalize(username!), ModeratorPasswords.Hash(password), role, CleanSites(sites), Disabled: false, clock.GetUtcNow());
        return await store.CreateAsync(account, cancellationToken)
            ? (AccountCreation.Created, null)
            : (AccountCreation.UsernameTaken, $"username '{account.Username}' is taken");
    }

    /// <summary>
    /// Sets a new password and ends every session of the account but <paramref name="keep"/>'s (the person changing
    /// their own password stays signed in; an admin's reset signs the account out everywhere). Null, or the problem.
    /// </summary>
    public async Task<string?> SetPasswordAsync(string username, string? password, ClaimsPrincipal? keep, CancellationToken cancellationToken)
    {
        if (password is null || password.Length < ModeratorPasswords.MinimumLength)
        {
            return $"password must have at least {ModeratorPasswords.MinimumLength} characters";
        }

        if (!await store.SetPasswordHashAsync(username, ModeratorPasswords.Hash(password), cancellationToken))
        {
            return $"no account '{username}'";
        }

        await sessions.EndAllAsync(username, keep, cancellationToken);
        return null;
    }

    public static IReadOnlyList<string> CleanSites(IEnumerable<string>? sites) =>
        [.. (sites ?? []).Select(site => site.Trim()).Where(site => site.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
