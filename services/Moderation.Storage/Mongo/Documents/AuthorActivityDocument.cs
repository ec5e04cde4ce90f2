using Moderation.Storage.Activity;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

internal sealed class AuthorActivityDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public string SiteId { get; set; } = "";

    public string AuthorId { get; set; } = "";

    /// <summary>Also carries the TTL index, so old activity expires even if nobody prunes it.</summary>
    public DateTime SubmittedAt { get; set; }

    public string Text { get; set; } = "";

    public static AuthorActivityDocument From(AuthorActivity activity) => new()
    {
        Id = activity.CommentId,
        SiteId = activity.SiteId,
        AuthorId = activity.AuthorId,
        SubmittedAt = StoredTime.ToUtcDateTime(activity.SubmittedAt),
        Text = activity.Text,
    };

    public AuthorActivity ToRecord() => new(Id, SiteId, AuthorId, StoredTime.FromUtcDateTime(SubmittedAt), Text);
}
