namespace Moderation.Ingestion.Deletion;

/// <summary>The comment is deleted here and the deletion announced; every service removes it shortly after.</summary>
public sealed record DeleteCommentResponse(Guid Id, string Status, DateTimeOffset DeletedAt);
