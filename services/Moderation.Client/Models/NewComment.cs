namespace Moderation.Client.Models;

/// <summary>
/// A comment to submit. <paramref name="Body"/> is 1–10,000 characters after trimming. <paramref name="Section"/> is
/// the article's section (<c>politics</c>, <c>sport</c>: the shape of an article id), which picks the section's rules;
/// null sends none. <paramref name="Article"/> describes the article to moderators (title, url; its section is the same as
/// <paramref name="Section"/>: send one of the two).
/// </summary>
public sealed record NewComment(
    CommentAuthor Author, string Body, Guid? ParentId = null, AuthorSignals? AuthorSignals = null, string? Section = null,
    ArticleInfo? Article = null);
