namespace Moderation.Webhooks.Events;

/// <summary>The comment an event is about, as it stands after the event.</summary>
public sealed record WebhookComment(
    Guid Id,
    string SiteId,
    string ArticleId,
    WebhookAuthor Author,
    string Body,
    Guid? ParentId,
    DateTimeOffset SubmittedAt,
    string Status);
