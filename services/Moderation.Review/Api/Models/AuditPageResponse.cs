using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

public sealed record AuditPageResponse(IReadOnlyList<ReviewAuditEntry> Items, string? Next);
