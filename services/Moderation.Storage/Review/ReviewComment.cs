namespace Moderation.Storage.Review;

/// <summary>
/// Every moderated comment of a site as the Review service saw it in CommentModerated, so an item can show the
/// author's history and the parent of a reply without reading another service's tables.
/// </summary>
public sealed record ReviewComment(
    Guid CommentId,
    string SiteId,
    string ArticleId,
    string AuthorId,
    string AuthorName,
    string Body,
    Guid? ParentId,
    DateTimeOffset SubmittedAt,
    ReviewCommentOutcome Outcome);
