namespace Moderation.Webhooks.Events;

/// <summary>
/// What an <c>author.*</c> event is about: the site's author, and for <c>author.banned</c> the ban's end (null: permanent)
/// and the moderator who set it.
/// </summary>
public sealed record WebhookAuthorChange(string SiteId, string Id, DateTimeOffset? Until = null, string? ModeratorId = null);
