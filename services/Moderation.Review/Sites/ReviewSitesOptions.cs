namespace Moderation.Review.Sites;

/// <summary>Each configured site's <see cref="SiteReviewOptions"/>, by site id (a site without a Review section gets the defaults).</summary>
public sealed class ReviewSitesOptions : Dictionary<string, SiteReviewOptions>
{
    public ReviewSitesOptions()
        : base(StringComparer.Ordinal)
    {
    }
}
