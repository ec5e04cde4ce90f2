namespace Moderation.Storage.Comments;

public enum CommentStatus
{
    Pending,
    Approved,
    Flagged,
    Rejected,
}
