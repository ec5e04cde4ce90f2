using Moderation.Storage.Review;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>Keyed by the username, so the primary key keeps it unique.</summary>
internal sealed class ModeratorAccountDocument
{
    [BsonId]
    public string Username { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    [BsonRepresentation(BsonType.String)]
    public ModeratorRole Role { get; set; }

    public List<string> Sites { get; set; } = [];

    public bool Disabled { get; set; }

    public DateTime CreatedAt { get; set; }

    public static ModeratorAccountDocument From(ModeratorAccount account) => new()
    {
        Username = account.Username,
        PasswordHash = account.PasswordHash,
        Role = account.Role,
        Sites = [.. account.Sites],
        Disabled = account.Disabled,
        CreatedAt = StoredTime.ToUtcDateTime(account.CreatedAt),
    };

    public ModeratorAccount ToRecord() => new(Username, PasswordHash, Role, Sites, Disabled, StoredTime.FromUtcDateTime(CreatedAt));
}
