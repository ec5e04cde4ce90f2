using Moderation.Storage.Activity;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

[BsonIgnoreExtraElements]
internal sealed class AuthorHistoryEntryDocument
{
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid CommentId { get; set; }

    public DateTime SubmittedAt { get; set; }

    public string Text { get; set; } = "";

    public static AuthorHistoryEntryDocument From(AuthorActivity entry) => new()
    {
        CommentId = entry.CommentId,
        SubmittedAt = StoredTime.ToUtcDateTime(entry.SubmittedAt),
        Text = entry.Text,
    };

    public AuthorActivity ToRecord(string siteId, string authorId) =>
        new(CommentId, siteId, authorId, StoredTime.FromUtcDateTime(SubmittedAt), Text);
}
