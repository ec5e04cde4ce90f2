using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>
/// One author's recent comments on one site, in append order, in one document so that appending and reading what came
/// before is one atomic findOneAndUpdate. Bounded by the append's <c>$slice</c>.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class AuthorHistoryDocument
{
    /// <summary><c>siteId</c>, a newline, <c>authorId</c> (neither may hold a newline).</summary>
    [BsonId]
    public string Id { get; set; } = "";

    public string SiteId { get; set; } = "";

    public string AuthorId { get; set; } = "";

    public List<AuthorHistoryEntryDocument> Entries { get; set; } = [];

    public static string Key(string siteId, string authorId) => $"{siteId}\n{authorId}";
}
