using System.Text.Json;

namespace Moderation.Client.Models;

/// <summary>A webhook event that could not be delivered, exactly as it was sent, and the last error.</summary>
public sealed record DeadLetter(
    Guid Id, string Type, DateTimeOffset OccurredAt, int Attempts, DateTimeOffset? FirstFailedAt, DateTimeOffset? DeadLetteredAt,
    string? LastError, JsonElement Event);
