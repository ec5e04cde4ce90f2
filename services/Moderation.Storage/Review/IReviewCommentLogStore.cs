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

    /// <summary>How the author's comments on one site ended, and when the latest rejected one was submitted.</summary>
    Task<ReviewAuthorCounts> CountByAuthorAsync(string siteId, string authorId, CancellationToken cancellationToken = default);
}
