using Moderation.Contracts;

namespace Moderation.Storage.Comments;

/// <summary>
/// The rules engine's decision on one comment, for <see cref="ICommentStatusStore.ApplyModerationsAsync"/>:
/// <see cref="Pending"/> is the record to create first if it is missing (a submit that timed out yet reached the broker).
/// </summary>
public sealed record ModerationStatusUpdate(CommentStatusRecord Pending, CommentStatus Status, ModerationDecision Decision);
