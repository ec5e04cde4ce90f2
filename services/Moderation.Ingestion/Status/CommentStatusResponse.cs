namespace Moderation.Ingestion.Status;

/// <summary>What <c>GET /v1/comments/{id}</c> returns.</summary>
public sealed record CommentStatusResponse(
    Guid Id,
    string SiteId,
    string ArticleId,
    string Status,
    DecisionResponse? Decision,
    ReviewResponse? Review);

public sealed record DecisionResponse(string Outcome, double Score, IReadOnlyList<HitResponse> Hits, string RulesetVersion, DateTimeOffset DecidedAt);

/// <summary><see cref="Start"/> and <see cref="Length"/> index the submitted body in UTF-16 code units.</summary>
public sealed record HitResponse(string Rule, string Category, string Severity, int Start, int Length, string Match);

/// <summary>A moderator's decision on a flagged comment (who decided stays internal).</summary>
/// <param name="MessageToAuthor">What the moderator asked the site to tell the commenter; null when nothing.</param>
public sealed record ReviewResponse(string Reason, DateTimeOffset DecidedAt, string? MessageToAuthor = null);
