namespace Moderation.Webhooks.Events;

/// <summary>
/// The JSON body POSTed to a site: <c>{"type", "id", "occurredAt", "comment", "decision"}</c>, and <c>report</c> on a
/// <c>comment.reported</c> event, <c>article</c> (and no comment) on an <c>article.mode_changed</c> event.
/// </summary>
public sealed record WebhookPayload(
    string Type,
    Guid Id,
    DateTimeOffset OccurredAt,
    WebhookComment? Comment,
    WebhookDecision? Decision,
    WebhookReport? Report = null,
    WebhookArticle? Article = null,
    WebhookAuthorChange? Author = null);
