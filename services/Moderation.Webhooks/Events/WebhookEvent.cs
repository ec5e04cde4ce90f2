namespace Moderation.Webhooks.Events;

/// <summary>
/// One event to deliver to one site. <paramref name="Subject"/> is what the event is about (a comment id, an author, an
/// article): events of one subject are delivered in the order of <paramref name="OccurredAt"/>. <paramref name="Body"/>
/// is the exact JSON that is signed and sent, every time.
/// </summary>
public sealed record WebhookEvent(
    Guid Id,
    string SiteId,
    string Subject,
    string Type,
    DateTimeOffset OccurredAt,
    string Body);
