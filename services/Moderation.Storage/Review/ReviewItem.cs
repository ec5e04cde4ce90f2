using Moderation.Contracts;

namespace Moderation.Storage.Review;

/// <summary>
/// A flagged comment waiting for (or decided by) a moderator. It carries the comment and the engine's decision, and
/// the lease of the moderator working it (possibly lapsed). A decided item carries its decision's audit entry, recorded in
/// the same write as the decision and copied to the audit log by the outbox, so no decision is ever left without one.
/// <see cref="Reports"/> is above zero for a published comment that readers reported (the queue's reported view): how
/// many distinct readers did.
/// </summary>
public sealed record ReviewItem(
    Comment Comment,
    ModerationDecision Decision,
    DateTimeOffset QueuedAt,
    ReviewItemStatus Status = ReviewItemStatus.Pending,
    ModeratorDecision? Review = null,
    ReviewLease? Lease = null,
    ReviewAuditEntry? Audit = null,
    int Reports = 0);
