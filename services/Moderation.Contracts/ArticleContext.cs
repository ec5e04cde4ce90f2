namespace Moderation.Contracts;

/// <summary>
/// What the site said about the comment's article: its <see cref="Title"/> and absolute <see cref="Url"/>, for the
/// moderator's context and a link to the published comment. Either may be null. The article's section travels in
/// <see cref="Comment.Section"/>, where the rules read it.
/// </summary>
public sealed record ArticleContext(string? Title, string? Url);
