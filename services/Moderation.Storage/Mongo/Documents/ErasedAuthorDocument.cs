using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>An erased author: <c>_id</c> is <see cref="Erasure.AuthorErasureKey.For"/>, never the author's id.</summary>
internal sealed class ErasedAuthorDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    public DateTime ErasedAt { get; set; }
}
