namespace Moderation.Webhooks.Events;

/// <summary>
/// The comment an event is about, as it stands after the event. A <c>comment.reported</c> event names the comment without
/// its text (the service that counts reports does not keep it): <see cref="Body"/>, the author's name and
/// <see cref="SubmittedAt"/> are null there.
/// </summary>
public sealed record WebhookComment(
    Guid Id,
    string SiteId,
    string ArticleId,
    WebhookAuthor Author,
    string? Body,
    Guid? ParentId,
    DateTimeOffset? SubmittedAt,
    string Status);
