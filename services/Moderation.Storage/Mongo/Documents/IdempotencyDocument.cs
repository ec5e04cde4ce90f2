using Moderation.Storage.Comments;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>Keyed by a unique index on (SiteId, Key); <c>_id</c> is the server's ObjectId.</summary>
internal sealed class IdempotencyDocument
{
    [BsonId]
    public ObjectId Id { get; set; }

    public string SiteId { get; set; } = "";

    public string Key { get; set; } = "";

    public string RequestHash { get; set; } = "";

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid CommentId { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool Published { get; set; }

    public IdempotencyRecord ToRecord() =>
        new(SiteId, Key, RequestHash, CommentId, StoredTime.FromUtcDateTime(CreatedAt), Published);
}
