using Moderation.Storage.Articles;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>One article's moderation state; <c>_id</c> is <c>site/article</c> ('/' is in neither id's shape).</summary>
internal sealed class ArticleStateDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    public string SiteId { get; set; } = "";

    public string ArticleId { get; set; } = "";

    [BsonRepresentation(BsonType.String)]
    public ArticleMode? EditorMode { get; set; }

    public DateTime? EditorModeSetAt { get; set; }

    public DateTime? SurgeUntil { get; set; }

    public DateTime? FirstCommentAt { get; set; }

    public static string Key(string siteId, string articleId) => $"{siteId}/{articleId}";

    public ArticleState ToRecord() => new(
        SiteId,
        ArticleId,
        EditorMode,
        EditorModeSetAt is { } set ? StoredTime.FromUtcDateTime(set) : null,
        SurgeUntil is { } until ? StoredTime.FromUtcDateTime(until) : null,
        FirstCommentAt is { } first ? StoredTime.FromUtcDateTime(first) : null);
}
