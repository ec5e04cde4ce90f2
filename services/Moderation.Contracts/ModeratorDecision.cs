namespace Moderation.Contracts;

/// <summary>
/// Who decided a flagged comment, when and why. <see cref="MessageToAuthor"/> is what the moderator chose to tell the
/// commenter (the site shows or mails it); null when nothing is to be said.
/// </summary>
public sealed record ModeratorDecision(string ModeratorId, string? Reason, DateTimeOffset DecidedAt, string? MessageToAuthor = null);
