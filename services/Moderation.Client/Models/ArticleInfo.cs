namespace Moderation.Client.Models;

/// <summary>
/// The article a comment is on, shown to moderators beside it and stored once per article (the latest non-empty title and
/// url win). <paramref name="Title"/>: at most 300 characters; <paramref name="Url"/>: absolute http or https, at most
/// 2,000 characters; <paramref name="Section"/>: the article's section, as <see cref="NewComment.Section"/>.
/// </summary>
public sealed record ArticleInfo(string? Title = null, Uri? Url = null, string? Section = null);
