namespace Moderation.Review.Api.Models;

/// <summary>
/// A decision's reason (one of the site's reasons, GET /v1/review/sites/{siteId}/reasons, required to reject), optional
/// free text for the audit, and an optional message to the commenter that travels with the decision event.
/// </summary>
public sealed record DecisionRequest(string? Reason, string? Note, string? Message = null)
{
    public const int MaxTextLength = 1000;
}
