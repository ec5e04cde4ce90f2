namespace Moderation.Contracts;

/// <summary>An earlier comment of the same author on the same site, as Ingestion recorded it before this one.</summary>
public sealed record PriorSubmission(Guid CommentId, DateTimeOffset SubmittedAt, string Body);
