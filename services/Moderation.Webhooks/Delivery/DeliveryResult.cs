namespace Moderation.Webhooks.Delivery;

/// <summary>What one delivery attempt came to: success, or why not (for the dead-letter list).</summary>
public sealed record DeliveryResult(bool Delivered, string? Error)
{
    public static readonly DeliveryResult Success = new(true, null);

    public static DeliveryResult Failure(string error) => new(false, error);
}
