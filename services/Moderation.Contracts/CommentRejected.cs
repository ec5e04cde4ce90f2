namespace Moderation.Contracts;

/// <summary>A moderator rejected a flagged comment.</summary>
public sealed record CommentRejected(Comment Comment, ModeratorDecision Decision);
