namespace Moderation.Client.Models;

/// <summary>
/// The comment is deleted (<c>status</c> <c>deleted</c>): every service takes it off its article and queues shortly
/// after, and the site's webhook gets <c>comment.deleted</c>.
/// </summary>
public sealed record DeletedComment(Guid Id, string Status, DateTimeOffset DeletedAt);
