using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

/// <summary>
/// One author on one site: how their comments ended, their standing, whether they may be trusted, moderators' notes
/// and actions on them (newest first), and a page of their comments (newest first).
/// </summary>
/// <param name="NextOffset">The offset of the next page of history, or null when this page was the last.</param>
public sealed record AuthorPanel(
    string SiteId,
    string AuthorId,
    ReviewAuthorCounts Counts,
    AuthorStandingView Standing,
    bool TrustAllowed,
    IReadOnlyList<ReviewAuditEntry> Actions,
    IReadOnlyList<ReviewComment> History,
    int? NextOffset);
