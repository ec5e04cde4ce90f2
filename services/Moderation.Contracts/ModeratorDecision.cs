namespace Moderation.Contracts;

/// <summary>Who decided a flagged comment, when and why.</summary>
public sealed record ModeratorDecision(string ModeratorId, string? Reason, DateTimeOffset DecidedAt);
