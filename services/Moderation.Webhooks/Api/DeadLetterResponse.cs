using System.Text.Json;

namespace Moderation.Webhooks.Api;

/// <summary>One event that could not be delivered: the event exactly as it was sent, and why it failed.</summary>
public sealed record DeadLetterResponse(
    Guid Id,
    string Type,
    DateTimeOffset OccurredAt,
    int Attempts,
    DateTimeOffset? FirstFailedAt,
    DateTimeOffset? DeadLetteredAt,
    string? LastError,
    JsonElement Event);
