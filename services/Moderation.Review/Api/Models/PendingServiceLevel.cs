namespace Moderation.Review.Api.Models;

/// <summary>What waits now, and how long the oldest has waited.</summary>
public sealed record PendingServiceLevel(long Pending, DateTimeOffset? OldestQueuedAt, long? OldestWaitingSeconds);
