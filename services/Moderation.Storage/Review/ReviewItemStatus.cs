namespace Moderation.Storage.Review;

public enum ReviewItemStatus
{
    Pending,
    Approved,
    Rejected,
}
