using Moderation.Storage.Articles;

namespace Moderation.Ingestion.Articles;

/// <summary>
/// The mode an article's new comments meet now, and what set it: <c>editor</c>, <c>schedule</c>, <c>surge</c> or
/// <c>default</c>. <paramref name="Until"/> is when a surge ends unless comments keep coming.
/// </summary>
public sealed record EffectiveMode(ArticleMode Mode, string Reason, DateTimeOffset? Until = null)
{
    public string ModeName => ArticleModes.Name(Mode);
}
