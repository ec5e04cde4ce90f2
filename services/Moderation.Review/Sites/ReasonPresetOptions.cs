namespace Moderation.Review.Sites;

/// <summary>One reason a site's moderators pick from: a short code (kept in the audit and the decision) and its label.</summary>
public sealed class ReasonPresetOptions
{
    public string Code { get; set; } = "";

    public string Label { get; set; } = "";
}
