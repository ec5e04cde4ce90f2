using Moderation.Contracts;
using Moderation.Storage.Activity;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>Keyed by site and author in one string, so the latest standing is one document per author.</summary>
internal sealed class AuthorStandingDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    public string SiteId { get; set; } = "";

    public string AuthorId { get; set; } = "";

    [BsonRepresentation(BsonType.String)]
    public AuthorStanding Standing { get; set; }

    public DateTime? Until { get; set; }

    public string ModeratorId { get; set; } = "";

    public DateTime ChangedAt { get; set; }

    /// <summary>The site id's length first, so no two (site, author) pairs share a key whatever characters they hold.</summary>
    public static string Key(string siteId, string authorId) => $"{siteId.Length}:{siteId}:{authorId}";

    public static AuthorStandingDocument From(AuthorStandingRecord record) => new()
    {
        Id = Key(record.SiteId, record.AuthorId),
        SiteId = record.SiteId,
        AuthorId = record.AuthorId,
        Standing = record.Standing,
        Until = record.Until is { } until ? StoredTime.ToUtcDateTime(until) : null,
        ModeratorId = record.ModeratorId,
        ChangedAt = StoredTime.ToUtcDateTime(record.ChangedAt),
    };

    public AuthorStandingRecord ToRecord() => new(
        SiteId, AuthorId, Standing, Until is { } until ? StoredTime.FromUtcDateTime(until) : null, ModeratorId, StoredTime.FromUtcDateTime(ChangedAt));
}
