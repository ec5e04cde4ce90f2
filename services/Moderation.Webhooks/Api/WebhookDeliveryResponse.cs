namespace Moderation.Webhooks.Api;

/// <summary>Where one event's delivery stands: <c>pending</c>, <c>delivered</c> or <c>dead_lettered</c>.</summary>
public sealed record WebhookDeliveryResponse(
    Guid Id,
    string Type,
    string Status,
    int Attempts,
    DateTimeOffset OccurredAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError);
