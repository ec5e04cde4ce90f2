using Moderation.Storage.Review;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>Keyed by the comment id; SiteId is lifted out of the comment so the queue index can use it.</summary>
internal sealed class ReviewItemDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public string SiteId { get; set; } = "";

    [BsonRepresentation(BsonType.String)]
    public ReviewItemStatus Status { get; set; }

    public DateTime QueuedAt { get; set; }

    public CommentDocument Comment { get; set; } = new();

    public ModerationDecisionDocument Decision { get; set; } = new();

    public ModeratorDecisionDocument? Review { get; set; }

    /// <summary>Who holds the lease; null when nobody ever did or it was released.</summary>
    public string? LeasedBy { get; set; }

    /// <summary>When the lease lapses; a time in the past means anyone may claim the item.</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>The outbox: true from the decision until the broker confirmed its event (absent on older documents).</summary>
    public bool DecisionUnsent { get; set; }

    /// <summary>The decision's audit entry, written with the decision; the outbox copies it to the audit log.</summary>
    public ReviewAuditDocument? Audit { get; set; }

    /// <summary>Readers who reported the published comment; zero (or absent) for a comment the rules held.</summary>
    public int Reports { get; set; }

    public static ReviewItemDocument From(ReviewItem item) => new()
    {
        Id = item.Comment.Id,
        SiteId = item.Comment.SiteId,
        Status = item.Status,
        QueuedAt = StoredTime.ToUtcDateTime(item.QueuedAt),
        Comment = CommentDocument.From(item.Comment),
        Decision = ModerationDecisionDocument.From(item.Decision),
        Review = item.Review is null ? null : ModeratorDecisionDocument.From(item.Review),
        LeasedBy = item.Lease?.Moderator,
        LeaseExpiresAt = item.Lease is null ? null : StoredTime.ToUtcDateTime(item.Lease.ExpiresAt),
        Audit = item.Audit is null ? null : ReviewAuditDocument.From(item.Audit),
        Reports = item.Reports,
    };

    public ReviewItem ToRecord() => new(
        Comment.ToRecord(),
        Decision.ToRecord(),
        StoredTime.FromUtcDateTime(QueuedAt),
        Status,
        Review?.ToRecord(),
        LeasedBy is not null && LeaseExpiresAt is { } expires ? new ReviewLease(LeasedBy, StoredTime.FromUtcDateTime(expires)) : null,
        Audit?.ToRecord(),
        Reports);
}
