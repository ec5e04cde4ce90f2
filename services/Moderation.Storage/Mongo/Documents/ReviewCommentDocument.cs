using Moderation.Storage.Review;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>Keyed by the comment id, so a replayed event inserts nothing.</summary>
internal sealed class ReviewCommentDocument : CommentFieldsDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public DateTime SubmittedAt { get; set; }

    [BsonRepresentation(BsonType.String)]
    public ReviewCommentOutcome Outcome { get; set; }

    public static ReviewCommentDocument From(ReviewComment comment) => new()
    {
        Id = comment.CommentId,
        SiteId = comment.SiteId,
        ArticleId = comment.ArticleId,
        AuthorId = comment.AuthorId,
        AuthorName = comment.AuthorName,
        Body = comment.Body,
        ParentId = comment.ParentId,
        SubmittedAt = StoredTime.ToUtcDateTime(comment.SubmittedAt),
        Outcome = comment.Outcome,
    };

    public ReviewComment ToRecord() => new(
        Id, SiteId, ArticleId, AuthorId, AuthorName, Body, ParentId, StoredTime.FromUtcDateTime(SubmittedAt), Outcome);
}
