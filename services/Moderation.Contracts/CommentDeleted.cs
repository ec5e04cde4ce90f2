namespace Moderation.Contracts;

/// <summary>
/// The author deleted the comment (Ingestion, on the site's <c>DELETE /v1/comments/{id}</c>). Final: Publishing takes it
/// off its article for good (its replies stay), Review takes it out of the queue, and no later decision brings it back.
/// Published again, unchanged but for the time, when the site repeats the request.
/// </summary>
public sealed record CommentDeleted(Guid CommentId, string SiteId, string ArticleId, string AuthorId, DateTimeOffset DeletedAt);
