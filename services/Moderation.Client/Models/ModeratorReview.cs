namespace Moderation.Client.Models;

/// <summary>A moderator's decision on a held comment.</summary>
public sealed record ModeratorReview(string? Reason, DateTimeOffset DecidedAt);
