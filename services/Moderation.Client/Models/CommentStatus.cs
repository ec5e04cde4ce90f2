namespace Moderation.Client.Models;

/// <summary>Where a comment is: <c>pending</c>, <c>approved</c>, <c>flagged</c>, <c>rejected</c> or <c>deleted</c> (by its author), and why.</summary>
public sealed record CommentStatus(
    Guid Id, string SiteId, string ArticleId, string Status, RulesDecision? Decision, ModeratorReview? Review);
