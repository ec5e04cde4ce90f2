namespace Moderation.Contracts;

/// <summary>
/// A submitted comment as every event carries it (event-carried state transfer).
/// <see cref="Id"/> is given once, at ingestion, and is the idempotency key everywhere after.
/// </summary>
public sealed record Comment(
    Guid Id,
    string SiteId,
    string ArticleId,
    CommentAuthor Author,
    string Body,
    Guid? ParentId,
    DateTimeOffset SubmittedAt);
