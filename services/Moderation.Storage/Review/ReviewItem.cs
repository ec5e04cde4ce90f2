using Moderation.Contracts;

namespace Moderation.Storage.Review;

/// <summary>
/// A flagged comment waiting for (or decided by) a moderator. It carries the comment and the engine's decision, and
/// the lease of the moderator working it (possibly lapsed).
/// </summary>
public sealed record ReviewItem(
    Comment Comment,
    ModerationDecision Decision,
    DateTimeOffset QueuedAt,
    ReviewItemStatus Status = ReviewItemStatus.Pending,
    ModeratorDecision? Review = null,
    ReviewLease? Lease = null);
