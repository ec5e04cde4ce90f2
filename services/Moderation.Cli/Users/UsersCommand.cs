using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Moderation.Storage;
using Moderation.Storage.Review;

namespace Moderation.Cli.Users;

/// <summary>
/// <c>moderation users add --username NAME --role admin|moderator [--sites a,b] --password-stdin</c>: creates a console
/// account in the store the services use, read from the same settings (<c>--Storage:Provider=…</c> arguments or
/// <c>Storage__…</c> environment variables).
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var username = new Option<string>("--username") { Description = "The account's username", Required = true };
        var role = new Option<string>("--role") { Description = "admin or moderator", DefaultValueFactory = _ => "moderator" };
        var sites = new Option<string?>("--sites") { Description = "Comma-separated site ids the account may review" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (required)" };
        var add = new Command("add", "Create a console account") { username, role, sites, passwordStdin };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!parse.GetValue(passwordStdin))
            {
                error.WriteLine("Pass the password on standard input with --password-stdin (never as an argument).");
                return 2;
            }

            var name = parse.GetRequiredValue(username);
            var roleName = parse.GetValue(role);
            if (!ModeratorNames.IsValid(name) || roleName is not ("admin" or "moderator"))
            {
                error.WriteLine("--username is 1-64 letters, digits, '.', '_', '@' or '-'; --role is admin or moderator.");
                return 2;
            }

            var password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? string.Empty;
            if (password.Length < ModeratorPasswords.MinimumLength)
            {
                error.WriteLine($"The password needs at least {ModeratorPasswords.MinimumLength} characters.");
                return 2;
            }

            await using var stores = await OpenStoresAsync(parse.UnmatchedTokens, cancellationToken);
            var account = new ModeratorAccount(
                ModeratorNames.Normalize(name),
                ModeratorPasswords.Hash(password),
                roleName == "admin" ? ModeratorRole.Admin : ModeratorRole.Moderator,
                [.. (parse.GetValue(sites) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()],
                Disabled: false,
                DateTimeOffset.UtcNow);
            if (!await stores.ModeratorAccounts.CreateAsync(account, cancellationToken))
            {
                error.WriteLine($"Username '{account.Username}' is taken.");
                return 1;
            }

            output.WriteLine($"Created {roleName} '{account.Username}'.");
            return 0;
        });

        return new Command("users", "Manage moderator console accounts") { add, CreateSetPassword() };
    }

    /// <summary>
    /// <c>users set-password --username NAME --password-stdin</c>: an operator's reset, for an admin who lost theirs.
    /// Every session of the account ends.
    /// </summary>
    private static Command CreateSetPassword()
    {
        var username = new Option<string>("--username") { Description = "The account's username", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from standard input (required)" };
        var command = new Command("set-password", "Set a console account's password and sign it out everywhere") { username, passwordStdin };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!parse.GetValue(passwordStdin))
            {
                error.WriteLine("Pass the password on standard input with --password-stdin (never as an argument).");
                return 2;
            }

            var password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? string.Empty;
            if (password.Length < ModeratorPasswords.MinimumLength)
            {
                error.WriteLine($"The password needs at least {ModeratorPasswords.MinimumLength} characters.");
                return 2;
            }

            var name = ModeratorNames.Normalize(parse.GetRequiredValue(username));
            await using var stores = await OpenStoresAsync(parse.UnmatchedTokens, cancellationToken);
            if (!await stores.ModeratorAccounts.SetPasswordHashAsync(name, ModeratorPasswords.Hash(password), cancellationToken))
            {
                error.WriteLine($"No account '{name}'.");
                return 1;
            }

            var ended = await stores.ModeratorSessions.RevokeAllAsync(name, cancellationToken: cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine($"Set the password of '{name}'; ended {ended} session(s).");
            return 0;
        });
        return command;
    }

    /// <summary>The store from the services' own settings: environment variables, then <c>--Storage:…=value</c> arguments.</summary>
    /// <remarks>Opens only the Review service's stores: accounts live there.</remarks>
    private static Task<ModerationStores> OpenStoresAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine([.. arguments]).Build();
        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.SectionName).Bind(options);
        return ModerationStores.OpenAsync(options, [StoreOwner.Review], cancellationToken: cancellationToken);
    }
}
