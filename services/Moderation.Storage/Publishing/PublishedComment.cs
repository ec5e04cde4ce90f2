namespace Moderation.Storage.Publishing;

/// <summary>An approved comment under its article, as the read API serves it. Times are kept to the millisecond.</summary>
public sealed record PublishedComment(
    Guid Id,
    string SiteId,
    string ArticleId,
    string AuthorId,
    string AuthorName,
    string Body,
    Guid? ParentId,
    DateTimeOffset PublishedAt);
