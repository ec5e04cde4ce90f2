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
