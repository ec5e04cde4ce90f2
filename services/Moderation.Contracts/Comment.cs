namespace Moderation.Contracts;

/// <summary>
/// A submitted comment as every event carries it (event-carried state transfer).
/// <see cref="Id"/> is given once, at ingestion, and is the idempotency key everywhere after. <see cref="Section"/> is
/// the section of the article the site sent (<c>politics</c>, <c>sport</c>), which picks the section's rules; null
/// when the site sent none, or from an Ingestion that predates it. <see cref="Article"/> is the article's title and url
/// when the site sent them (<c>article</c> on submit); null otherwise.
/// </summary>
public sealed record Comment(
    Guid Id,
    string SiteId,
    string ArticleId,
    CommentAuthor Author,
    string Body,
    Guid? ParentId,
    DateTimeOffset SubmittedAt,
    string? Section = null,
    ArticleContext? Article = null);
