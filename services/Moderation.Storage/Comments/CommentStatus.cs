namespace Moderation.Storage.Comments;

public enum CommentStatus
{
    Pending,
    Approved,
    Flagged,
    Rejected,

    /// <summary>The author deleted the comment: final, no later decision changes it.</summary>
    Deleted,
}
