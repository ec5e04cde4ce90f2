namespace Moderation.Storage.Comments;

/// <summary>Argument checks shared by every <see cref="ICommentStatusStore"/>: which status each kind of decision may set.</summary>
internal static class CommentStatusTransitions
{
    public static void EnsureModerationOutcome(CommentStatus status)
    {
        if (status is not (CommentStatus.Approved or CommentStatus.Flagged or CommentStatus.Rejected))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "The rules engine decides Approved, Flagged or Rejected.");
        }
    }

    public static void EnsureRedecisionOutcome(CommentStatus status)
    {
        if (status is not (CommentStatus.Flagged or CommentStatus.Rejected))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A decision on reader reports holds (Flagged) or takes down (Rejected).");
        }
    }

    public static void EnsureReviewOutcome(CommentStatus status)
    {
        if (status is not (CommentStatus.Approved or CommentStatus.Rejected))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A moderator decides Approved or Rejected.");
        }
    }
}
