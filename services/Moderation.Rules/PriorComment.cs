namespace Moderation.Rules;

/// <summary>An earlier comment of the same author on the same site, read by the worker from the shared store.</summary>
public sealed record PriorComment(Guid CommentId, DateTimeOffset SubmittedAt, string Text);
