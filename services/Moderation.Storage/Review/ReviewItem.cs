using Moderation.Contracts;

namespace Moderation.Storage.Review;

/// <summary>
/// A flagged comment waiting for (or decided by) a moderator. It carries the comment and the engine's decision, and
/// the lease of the moderator working it (possibly lapsed). A decided item carries its decision's audit entry, recorded in
/// the same write as the decision and copied to the audit log by the outbox, so no decision is ever left without one.
/// </summary>
public sealed record ReviewItem(
    Comment Comment,
    ModerationDecision Decision,
    DateTimeOffset QueuedAt,
    ReviewItemStatus Status = ReviewItemStatus.Pending,
    ModeratorDecision? Review = null,
    ReviewLease? Lease = null,
    ReviewAuditEntry? Audit = null);
