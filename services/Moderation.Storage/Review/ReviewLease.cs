namespace Moderation.Storage.Review;

/// <summary>A moderator working an item until <see cref="ExpiresAt"/>; after that the lease has lapsed and anyone may claim it.</summary>
public sealed record ReviewLease(string Moderator, DateTimeOffset ExpiresAt)
{
    public bool IsHeldAt(DateTimeOffset now) => ExpiresAt > now;
}
