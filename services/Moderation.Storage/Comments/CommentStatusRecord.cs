using Moderation.Contracts;

namespace Moderation.Storage.Comments;

/// <summary>
/// The Ingestion API's view of one comment's progress: what <c>GET /v1/comments/{id}</c> serves.
/// <see cref="Decision"/> is the rules engine's decision (null while pending);
/// <see cref="Review"/> is a moderator's, once one has decided.
/// </summary>
public sealed record CommentStatusRecord(
    Guid Id,
    string SiteId,
    string ArticleId,
    string AuthorId,
    CommentStatus Status,
    DateTimeOffset SubmittedAt,
    ModerationDecision? Decision = null,
    ModeratorDecision? Review = null);
