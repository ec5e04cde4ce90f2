namespace Moderation.Webhooks.Events;

/// <summary>
/// The article of an <c>article.mode_changed</c> event: its mode after the change (<c>normal|premoderate|closed</c>), what
/// set it (<c>editor|surge|surge_ended|schedule|default</c>) and, for a surge, when it ends unless comments keep coming.
/// </summary>
public sealed record WebhookArticle(string SiteId, string ArticleId, string Mode, string Reason, DateTimeOffset? Until);
