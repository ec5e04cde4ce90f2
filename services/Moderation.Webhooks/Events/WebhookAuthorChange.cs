namespace Moderation.Webhooks.Events;

/// <summary>
/// What an <c>author.*</c> event is about: the site's author, and for <c>author.banned</c> the ban's end (null: permanent)
/// and the moderator who set it.
/// </summary>
/// <remarks><c>id</c> comes first, so a stored body names the author as a comment's does (see <c>AuthorMentions</c>).</remarks>
public sealed record WebhookAuthorChange(string Id, string SiteId, DateTimeOffset? Until = null, string? ModeratorId = null);
