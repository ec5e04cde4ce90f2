namespace Moderation.Review.Sites;

/// <summary>How one site's desk works, under <c>Sites:&lt;siteId&gt;:Review:</c>, beside the site's API keys.</summary>
public sealed class SiteReviewOptions
{
    /// <summary>At most this many presets: the reject dialog picks them with the keys 1-9.</summary>
    public const int MaxReasons = 9;

    /// <summary>The reasons offered when rejecting; empty means the built-in list (GET /v1/review/reasons).</summary>
    public List<ReasonPresetOptions> Reasons { get; set; } = [];

    /// <summary>Approved comments an author needs before a moderator may trust them. Default 10.</summary>
    public int TrustAfterApproved { get; set; } = 10;

    /// <summary>How long after a rejected comment an author may not be trusted. Default 30 days.</summary>
    public TimeSpan TrustWithoutRejectionFor { get; set; } = TimeSpan.FromDays(30);
}
