namespace Moderation.Review.Api.Models;

/// <summary>
/// A new decision on a decided comment (an undo, a re-decision or a takedown): <paramref name="Action"/> approve or
/// reject, <paramref name="ExpectedSequence"/> the number of the decision the moderator saw (the decided queue's
/// <c>sequence</c>), so a decision recorded meanwhile by someone else is never overwritten unseen.
/// </summary>
public sealed record RedecideRequest(string? Action, long? ExpectedSequence, string? Reason, string? Note, string? Message = null);
