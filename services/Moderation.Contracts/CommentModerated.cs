namespace Moderation.Contracts;

/// <summary>Published by the moderation worker for every comment it decides.</summary>
public sealed record CommentModerated(Comment Comment, ModerationDecision Decision);
