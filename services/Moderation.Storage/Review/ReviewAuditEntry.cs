namespace Moderation.Storage.Review;

/// <summary>One moderator decision: who, when, what, why, and which rules had fired. Never changed once written.</summary>
public sealed record ReviewAuditEntry(
    Guid Id,
    string SiteId,
    Guid CommentId,
    string ArticleId,
    string AuthorId,
    string Moderator,
    ReviewItemStatus Outcome,
    string? Reason,
    string? Note,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Categories,
    DateTimeOffset At);
