namespace Moderation.Client.Models;

/// <summary>An approved comment as an article shows it.</summary>
public sealed record PublishedComment(Guid Id, CommentAuthor Author, string Body, Guid? ParentId, DateTimeOffset PublishedAt);
