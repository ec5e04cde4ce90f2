using Moderation.Storage.Review;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>A bulk action with the ids it decided (read only when undoing: list queries leave them out).</summary>
[BsonIgnoreExtraElements]
internal sealed class ReviewBulkActionDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public string SiteId { get; set; } = string.Empty;

    public string Moderator { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public int Count { get; set; }

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public List<Guid> Ids { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UndoUntil { get; set; }

    public DateTime? UndoneAt { get; set; }

    public ReviewBulkAction ToRecord() => new(
        Id, SiteId, Moderator, Action, Count, StoredTime.FromUtcDateTime(CreatedAt), StoredTime.FromUtcDateTime(UndoUntil),
        UndoneAt is { } at ? StoredTime.FromUtcDateTime(at) : null);
}
