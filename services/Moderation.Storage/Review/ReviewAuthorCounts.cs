namespace Moderation.Storage.Review;

/// <summary>An author's comments on one site by where they ended; <see cref="LastRejectedAt"/> is null when none was rejected.</summary>
public sealed record ReviewAuthorCounts(long Approved, long Flagged, long Rejected, DateTimeOffset? LastRejectedAt);
