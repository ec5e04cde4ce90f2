using Moderation.Webhooks.Events;

namespace Moderation.Webhooks.Storage;

/// <summary>An event and where its delivery stands.</summary>
public sealed record WebhookDelivery(
    WebhookEvent Event,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset DueAt,
    DateTimeOffset? FirstFailedAt,
    string? LastError,
    DateTimeOffset? FinishedAt);
