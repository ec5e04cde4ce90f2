namespace Moderation.Webhooks.Events;

public sealed record WebhookAuthor(string Id, string? Name);
