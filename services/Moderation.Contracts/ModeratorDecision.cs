namespace Moderation.Contracts;

/// <summary>
/// Who decided a flagged comment, when and why. <paramref name="Sequence"/> numbers the moderator decisions on one
/// comment (1 for the first, one more for each later one, such as a takedown or an undo), so every consumer can apply
/// the latest decision whatever order the events arrive in; the rules engine's own decision counts as 0.
/// <paramref name="MessageToAuthor"/> is what the moderator chose to tell the commenter (the site shows or mails it);
/// null when nothing is to be said. <paramref name="TakesDown"/> is true on a rejection of a comment that was published
/// (an approval taken back, or a reported comment removed): sites hear it as <c>comment.taken_down</c>.
/// </summary>
public sealed record ModeratorDecision(
    string ModeratorId, string? Reason, DateTimeOffset DecidedAt, long Sequence = 1, string? MessageToAuthor = null, bool TakesDown = false);
