namespace Moderation.Storage.Review;

public sealed record ReviewAuditPage(IReadOnlyList<ReviewAuditEntry> Items, ReviewAuditCursor? Next);
