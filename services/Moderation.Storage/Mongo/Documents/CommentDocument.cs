using Moderation.Contracts;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>
/// A submitted comment embedded in a review item. Its id is named CommentId: a member named Id would be mapped to a
/// nested <c>_id</c> by the driver's conventions.
/// </summary>
internal sealed class CommentDocument : CommentFieldsDocument
{
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid CommentId { get; set; }

    public DateTime SubmittedAt { get; set; }

    public static CommentDocument From(Comment comment) => new()
    {
        CommentId = comment.Id,
        SiteId = comment.SiteId,
        ArticleId = comment.ArticleId,
        AuthorId = comment.Author.Id,
        AuthorName = comment.Author.Name,
        Body = comment.Body,
        ParentId = comment.ParentId,
        SubmittedAt = StoredTime.ToUtcDateTime(comment.SubmittedAt),
    };

    public Comment ToRecord() => new(
        CommentId, SiteId, ArticleId, new CommentAuthor(AuthorId, AuthorName), Body, ParentId, StoredTime.FromUtcDateTime(SubmittedAt));
}
