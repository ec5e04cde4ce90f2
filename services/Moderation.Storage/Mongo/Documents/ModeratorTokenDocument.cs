using Moderation.Storage.Review;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

internal sealed class ModeratorTokenDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public string TokenHash { get; set; } = "";

    public string Username { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public bool Revoked { get; set; }

    public static ModeratorTokenDocument From(ModeratorToken token) => new()
    {
        Id = token.Id,
        TokenHash = token.TokenHash,
        Username = token.Username,
        Name = token.Name,
        CreatedAt = StoredTime.ToUtcDateTime(token.CreatedAt),
        Revoked = token.Revoked,
    };

    public ModeratorToken ToRecord() => new(Id, Username, Name, TokenHash, StoredTime.FromUtcDateTime(CreatedAt), Revoked);
}
