namespace Moderation.Contracts;

/// <summary>A moderator approved a flagged comment; it is published like any approved comment.</summary>
public sealed record CommentApproved(Comment Comment, ModeratorDecision Decision);
