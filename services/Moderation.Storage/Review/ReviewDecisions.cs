namespace Moderation.Storage.Review;

/// <summary>Argument checks shared by every <see cref="IReviewQueueStore"/>.</summary>
internal static class ReviewDecisions
{
    public static void EnsureDecided(ReviewItemStatus status)
    {
        if (status is not (ReviewItemStatus.Approved or ReviewItemStatus.Rejected))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A moderator decides Approved or Rejected.");
        }
    }
}
