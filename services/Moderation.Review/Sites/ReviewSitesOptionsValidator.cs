using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Moderation.Review.Sites;

/// <summary>Stops the service at start when a site's review settings are unusable, naming the setting.</summary>
public sealed partial class ReviewSitesOptionsValidator : IValidateOptions<ReviewSitesOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewSitesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (siteId, site) in options)
        {
            var prefix = $"Sites:{siteId}:Review:Reasons";
            if (site.Reasons.Count > SiteReviewOptions.MaxReasons)
            {
                errors.Add($"{prefix} has {site.Reasons.Count} entries; at most {SiteReviewOptions.MaxReasons} (the keys 1-9 pick them).");
            }

            if (site.TrustAfterApproved is < 1 or > 100_000)
            {
                errors.Add($"Sites:{siteId}:Review:TrustAfterApproved must be between 1 and 100000.");
            }

            if (site.TrustWithoutRejectionFor < TimeSpan.Zero || site.TrustWithoutRejectionFor > TimeSpan.FromDays(3650))
            {
                errors.Add($"Sites:{siteId}:Review:TrustWithoutRejectionFor must be between 0 and 3650 days.");
            }

            if (site.UndoWindow < TimeSpan.Zero || site.UndoWindow > SiteReviewOptions.MaxUndoWindow)
            {
                errors.Add($"Sites:{siteId}:Review:UndoWindow must be between 00:00:00 and 1.00:00:00.");
            }

            for (var i = 0; i < site.Reasons.Count; i++)
            {
                var reason = site.Reasons[i];
                if (!Code().IsMatch(reason.Code ?? ""))
                {
                    errors.Add($"{prefix}:{i}:Code must be 1-40 characters of a-z, 0-9 and '-' (got '{reason.Code}').");
                }

                if (string.IsNullOrWhiteSpace(reason.Label) || reason.Label.Length > 100)
                {
                    errors.Add($"{prefix}:{i}:Label must be 1-100 characters.");
                }
            }

            foreach (var duplicate in site.Reasons.GroupBy(reason => reason.Code, StringComparer.Ordinal).Where(group => group.Count() > 1))
            {
                errors.Add($"{prefix}: the code '{duplicate.Key}' is given more than once.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Code();
}
