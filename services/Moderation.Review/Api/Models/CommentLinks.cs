namespace Moderation.Review.Api.Models;

/// <summary>
/// Where a comment is read: <see cref="Page"/> is the article's url with <c>#comment-{id}</c> (null without a url), and
/// <see cref="Api"/> the public API path of its status (with the site's key).
/// </summary>
public sealed record CommentLinks(string? Page, string Api)
{
    public static CommentLinks For(Guid commentId, string? articleUrl) => new(
        articleUrl is null ? null : $"{articleUrl.Split('#')[0]}#comment-{commentId:D}", $"/v1/comments/{commentId:D}");
}
