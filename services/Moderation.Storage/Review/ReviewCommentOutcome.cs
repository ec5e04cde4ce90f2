namespace Moderation.Storage.Review;

/// <summary>Where an author's comment ended: the engine's outcome, replaced by a moderator's when one decides it.</summary>
public enum ReviewCommentOutcome
{
    Approved,
    Flagged,
    Rejected,
}
