namespace Moderation.Review.Api.Models;

/// <param name="MedianSecondsToDecision">From queued to this moderator's first decision on a comment; null when none is known.</param>
public sealed record ModeratorActivity(string Moderator, int Decisions, double DecisionsPerDay, double? MedianSecondsToDecision);
