using Moderation.Storage.Review;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

internal sealed class ModeratorSessionDocument
{
    [BsonId]
    public string KeyHash { get; set; } = "";

    public string Username { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public bool Revoked { get; set; }

    public static ModeratorSessionDocument From(ModeratorSession session) => new()
    {
        KeyHash = session.KeyHash,
        Username = session.Username,
        CreatedAt = StoredTime.ToUtcDateTime(session.CreatedAt),
        Revoked = session.Revoked,
    };

    public ModeratorSession ToRecord() => new(KeyHash, Username, StoredTime.FromUtcDateTime(CreatedAt), Revoked);
}
