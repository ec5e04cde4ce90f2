using Microsoft.Extensions.Options;
using Moderation.Storage.Review;

namespace Moderation.Review;

/// <summary>Checks the settings that depend on each other, naming the setting that is wrong.</summary>
public sealed class ReviewOptionsValidator : IValidateOptions<ReviewOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewOptions options)
    {
        var failures = new List<string>();
        var admin = options.BootstrapAdmin;
        if (!string.IsNullOrEmpty(admin.Username) || !string.IsNullOrEmpty(admin.Password))
        {
            if (!ModeratorNames.IsValid(admin.Username))
            {
                failures.Add("Review:BootstrapAdmin:Username must be 1-64 letters, digits, '.', '_', '@' or '-'.");
            }

            if ((admin.Password?.Length ?? 0) < ModeratorPasswords.MinimumLength)
            {
                failures.Add($"Review:BootstrapAdmin:Password must have at least {ModeratorPasswords.MinimumLength} characters.");
            }
        }

        if (options.SignInBackoffMax < options.SignInBackoff)
        {
            failures.Add("Review:SignInBackoffMax must be at least Review:SignInBackoff.");
        }

        var sso = options.OpenIdConnect;
        if (sso.Enabled && string.IsNullOrWhiteSpace(sso.ClientId))
        {
            failures.Add("Review:OpenIdConnect:ClientId is required when Review:OpenIdConnect:Authority is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
