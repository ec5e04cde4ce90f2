namespace Moderation.Client.Models;

/// <summary>Where a comment is: <c>pending</c>, <c>approved</c>, <c>flagged</c> or <c>rejected</c>, and why.</summary>
public sealed record CommentStatus(
    Guid Id, string SiteId, string ArticleId, string Status, RulesDecision? Decision, ModeratorReview? Review);
