namespace Moderation.Storage.Mongo.Documents;

/// <summary>How many submissions one article had in one minute; <c>_id</c> is <c>site/article/minute</c>.</summary>
internal sealed class ArticleMinuteDocument
{
    public string Id { get; set; } = "";

    public DateTime Minute { get; set; }

    public int Count { get; set; }
}
