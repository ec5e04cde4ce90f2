namespace Moderation.Storage.Review;

/// <summary>Owned by the Review service: its own log of every moderated comment, per author.</summary>
public interface IReviewCommentLogStore
{
    /// <summary>Records once; false when the comment is already recorded (a replayed event changes nothing).</summary>
    Task<bool> RecordAsync(ReviewComment comment, CancellationToken cancellationToken = default);

    Task<ReviewComment?> GetAsync(Guid commentId, CancellationToken cancellationToken = default);

    /// <summary>Records a moderator's outcome; false when the comment is not recorded.</summary>
    Task<bool> SetOutcomeAsync(Guid commentId, ReviewCommentOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>The author's comments on one site, newest first.</summary>
    Task<IReadOnlyList<ReviewComment>> ListByAuthorAsync(
        string siteId, string authorId, int limit, CancellationToken cancellationToken = default);

    /// <summary>A page of the author's comments on one site, newest first, skipping <paramref name="offset"/>.</summary>
    Task<IReadOnlyList<ReviewComment>> PageByAuthorAsync(
        string siteId, string authorId, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>A page of an article's comments, newest first, skipping <paramref name="offset"/>.</summary>
    Task<IReadOnlyList<ReviewComment>> PageByArticleAsync(
        string siteId, string articleId, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The replies to one comment on its site, oldest first.</summary>
    Task<IReadOnlyList<ReviewComment>> ListRepliesAsync(
        string siteId, Guid parentId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="each"/> comments of the article submitted just before <paramref name="comment"/> and up to
    /// <paramref name="each"/> just after it, oldest first, without the comment itself.
    /// </summary>
    Task<IReadOnlyList<ReviewComment>> ListAroundAsync(ReviewComment comment, int each, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps an article's context, once per article: the non-null title, url and section replace the stored ones unless
    /// the stored ones came from a later comment (<paramref name="at"/> is the comment's submit time). Idempotent.
    /// </summary>
    Task RecordArticleAsync(
        string siteId, string articleId, string? title, string? url, string? section, DateTimeOffset at,
        CancellationToken cancellationToken = default);

    /// <summary>Keeps an article's moderation mode unless a later change is already stored. Idempotent.</summary>
    Task SetArticleModeAsync(string siteId, string articleId, ReviewArticleMode mode, CancellationToken cancellationToken = default);

    Task<ReviewArticle?> GetArticleAsync(string siteId, string articleId, CancellationToken cancellationToken = default);

    /// <summary>How the author's comments on one site ended, and when the latest rejected one was submitted.</summary>
    Task<ReviewAuthorCounts> CountByAuthorAsync(string siteId, string authorId, CancellationToken cancellationToken = default);
}
