using Moderation.Storage.Review;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>One per article, keyed by site and article id; context and mode are each set by their own conditional update.</summary>
[BsonIgnoreExtraElements]
internal sealed class ReviewArticleDocument
{
    [BsonId]
    public string Id { get; set; } = string.Empty;

    public string SiteId { get; set; } = string.Empty;

    public string ArticleId { get; set; } = string.Empty;

    public string? Title { get; set; }

    public string? Url { get; set; }

    public string? Section { get; set; }

    public DateTime? ContextAt { get; set; }

    public string? Mode { get; set; }

    public string? ModeReason { get; set; }

    public DateTime? ModeChangedAt { get; set; }

    public DateTime? ModeUntil { get; set; }

    /// <summary>Site ids cannot hold '/', so the key is unambiguous.</summary>
    public static string Key(string siteId, string articleId) => $"{siteId}/{articleId}";

    public ReviewArticle ToRecord() => new(
        SiteId,
        ArticleId,
        Title,
        Url,
        Section,
        ContextAt is { } at ? StoredTime.FromUtcDateTime(at) : null,
        Mode is { } mode && ModeChangedAt is { } changedAt
            ? new ReviewArticleMode(mode, ModeReason ?? string.Empty, StoredTime.FromUtcDateTime(changedAt), ModeUntil is { } until ? StoredTime.FromUtcDateTime(until) : null)
            : null);
}
