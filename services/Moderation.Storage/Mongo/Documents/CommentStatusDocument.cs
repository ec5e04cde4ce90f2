using Moderation.Storage.Comments;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

internal sealed class CommentStatusDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public string SiteId { get; set; } = "";

    public string ArticleId { get; set; } = "";

    public string AuthorId { get; set; } = "";

    [BsonRepresentation(BsonType.String)]
    public CommentStatus Status { get; set; }

    public DateTime SubmittedAt { get; set; }

    public ModerationDecisionDocument? Decision { get; set; }

    public ModeratorDecisionDocument? Review { get; set; }

    /// <summary>The submission outbox: the event (JSON) still owed to the broker; absent once sent.</summary>
    [BsonIgnoreIfNull]
    public string? Outbox { get; set; }

    /// <summary>When the unsent event is next due to a relay (a lease or a retry moves it on); absent once sent.</summary>
    [BsonIgnoreIfNull]
    public DateTime? OutboxDueAt { get; set; }

    [BsonIgnoreIfDefault]
    public int OutboxAttempts { get; set; }

    /// <summary>The claim that leased the event last: how a relay finds what it claimed.</summary>
    [BsonIgnoreIfNull]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid? OutboxLease { get; set; }

    public static CommentStatusDocument From(CommentStatusRecord record) => new()
    {
        Id = record.Id,
        SiteId = record.SiteId,
        ArticleId = record.ArticleId,
        AuthorId = record.AuthorId,
        Status = record.Status,
        SubmittedAt = StoredTime.ToUtcDateTime(record.SubmittedAt),
        Decision = record.Decision is null ? null : ModerationDecisionDocument.From(record.Decision),
        Review = record.Review is null ? null : ModeratorDecisionDocument.From(record.Review),
    };

    public CommentStatusRecord ToRecord() => new(
        Id, SiteId, ArticleId, AuthorId, Status, StoredTime.FromUtcDateTime(SubmittedAt), Decision?.ToRecord(), Review?.ToRecord());
}
