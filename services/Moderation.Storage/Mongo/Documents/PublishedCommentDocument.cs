using Moderation.Storage.Publishing;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>One document per comment (never an array per article), so an article can hold any number of comments.</summary>
internal sealed class PublishedCommentDocument : CommentFieldsDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public DateTime PublishedAt { get; set; }

    /// <summary>Taken down: kept so an older approval cannot bring it back, never read (absent on older documents).</summary>
    public bool Removed { get; set; }

    /// <summary>The <see cref="DecisionVersion"/> of the decision last applied (absent on older documents: the earliest).</summary>
    public long DecisionSequence { get; set; }

    public DateTime DecidedAt { get; set; }

    /// <summary>Hidden from the article's pages while reported past the second threshold (absent on older documents).</summary>
    public bool Hidden { get; set; }

    public static PublishedCommentDocument From(PublishedComment comment) => new()
    {
        Id = comment.Id,
        SiteId = comment.SiteId,
        ArticleId = comment.ArticleId,
        AuthorId = comment.AuthorId,
        AuthorName = comment.AuthorName,
        Body = comment.Body,
        ParentId = comment.ParentId,
        PublishedAt = StoredTime.ToUtcDateTime(comment.PublishedAt),
    };

    public DecisionVersion Version => new(DecisionSequence, StoredTime.FromUtcDateTime(DecidedAt));

    public PublishedComment ToRecord() =>
        new(Id, SiteId, ArticleId, AuthorId, AuthorName, Body, ParentId, StoredTime.FromUtcDateTime(PublishedAt));
}
