using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Moderation.Storage.Review;

namespace Moderation.Review.Accounts;

/// <summary>
/// Makes sure somebody can sign in to a fresh installation: creates <c>Review:BootstrapAdmin</c> when no account exists,
/// or, in Development only, an <c>admin</c> with a random password printed to the log.
/// </summary>
public sealed partial class BootstrapAdmin(
    IModeratorAccountStore store,
    ModeratorAccounts accounts,
    IOptions<ReviewOptions> options,
    IHostEnvironment environment,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    public const string DevelopmentUsername = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await store.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        var settings = options.Value.BootstrapAdmin;
        var sites = settings.Sites?.Split(',') ?? [];
        if (!string.IsNullOrEmpty(settings.Username))
        {
            var (result, _) = await accounts.CreateAsync(settings.Username, settings.Password, ModeratorRole.Admin, sites, cancellationToken);
            if (result == AccountCreation.Created)
            {
                LogCreated(logger, ModeratorNames.Normalize(settings.Username));
            }

            return;
        }

        if (environment.IsDevelopment())
        {
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9));
            var (result, _) = await accounts.CreateAsync(DevelopmentUsername, password, ModeratorRole.Admin, sites, cancellationToken);
            if (result == AccountCreation.Created)
            {
                LogDevelopmentAdmin(logger, DevelopmentUsername, password);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first console admin '{Username}' from Review:BootstrapAdmin")]
    private static partial void LogCreated(ILogger logger, string username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: console admin '{Username}' created with password '{Password}' (sign in at /console/)")]
    private static partial void LogDevelopmentAdmin(ILogger logger, string username, string password);
}
