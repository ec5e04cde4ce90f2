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

    /// <summary>
    /// How long after a decision a moderator may undo or re-decide it (a bulk action too). Default 30 minutes; at most a
    /// day, well inside the time decided items are kept (Review:DecidedRetention). Taking down an approved comment is
    /// never bounded by it.
    /// </summary>
    public TimeSpan UndoWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest undo window a site may set.</summary>
    public static readonly TimeSpan MaxUndoWindow = TimeSpan.FromDays(1);
}
