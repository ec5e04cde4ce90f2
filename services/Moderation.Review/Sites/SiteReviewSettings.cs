using Microsoft.Extensions.Options;
using Moderation.Review.Decisions;

namespace Moderation.Review.Sites;

/// <summary>What a site's desk offers: its reason presets, or the built-in reasons when it sets none.</summary>
public sealed class SiteReviewSettings(IOptionsMonitor<ReviewSitesOptions> options)
{
    public SiteReviewOptions For(string siteId) => options.CurrentValue.GetValueOrDefault(siteId) ?? new SiteReviewOptions();

    public IReadOnlyList<RejectReason> ReasonsFor(string siteId)
    {
        var presets = For(siteId).Reasons;
        return presets.Count == 0 ? RejectReasons.All : [.. presets.Select(preset => new RejectReason(preset.Code, preset.Label))];
    }

    public bool IsKnownReason(string siteId, string? code) => ReasonsFor(siteId).Any(reason => reason.Code == code);
}
