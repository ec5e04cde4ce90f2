using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>
/// The one flattened shape of a stored comment (site, article, author, text, parent), shared by the three places a
/// comment is kept: embedded in a review item, under its article, and in the author's log. Each adds only its own
/// key and times; the element names are the ones those documents always had, so stored data reads unchanged.
/// </summary>
internal abstract class CommentFieldsDocument
{
    public string SiteId { get; set; } = "";

    public string ArticleId { get; set; } = "";

    public string AuthorId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public string Body { get; set; } = "";

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid? ParentId { get; set; }
}
