using Moderation.Storage.Review;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

internal sealed class ReviewAuditDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public string SiteId { get; set; } = "";

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid CommentId { get; set; }

    public string ArticleId { get; set; } = "";

    public string AuthorId { get; set; } = "";

    public string Moderator { get; set; } = "";

    [BsonRepresentation(BsonType.String)]
    public ReviewItemStatus Outcome { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }

    public List<string> Rules { get; set; } = [];

    public List<string> Categories { get; set; } = [];

    public DateTime At { get; set; }

    public static ReviewAuditDocument From(ReviewAuditEntry entry) => new()
    {
        Id = entry.Id,
        SiteId = entry.SiteId,
        CommentId = entry.CommentId,
        ArticleId = entry.ArticleId,
        AuthorId = entry.AuthorId,
        Moderator = entry.Moderator,
        Outcome = entry.Outcome,
        Reason = entry.Reason,
        Note = entry.Note,
        Rules = [.. entry.Rules],
        Categories = [.. entry.Categories],
        At = StoredTime.ToUtcDateTime(entry.At),
    };

    public ReviewAuditEntry ToRecord() => new(
        Id, SiteId, CommentId, ArticleId, AuthorId, Moderator, Outcome, Reason, Note, Rules, Categories, StoredTime.FromUtcDateTime(At));
}
