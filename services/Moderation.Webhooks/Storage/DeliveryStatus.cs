namespace Moderation.Webhooks.Storage;

public enum DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending = 0,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Still failing after <c>Webhooks:GiveUpAfter</c>: in the site's dead-letter list until an admin replays it.</summary>
    DeadLettered = 2,
}
