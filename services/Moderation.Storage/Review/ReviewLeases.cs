namespace Moderation.Storage.Review;

/// <summary>Argument checks shared by every lease operation.</summary>
internal static class ReviewLeases
{
    public static void EnsureValid(string moderator, TimeSpan leaseFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moderator);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseFor, TimeSpan.Zero);
    }
}
