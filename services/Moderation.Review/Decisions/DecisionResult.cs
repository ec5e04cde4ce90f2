namespace Moderation.Review.Decisions;

public enum DecisionResult
{
    Decided,

    /// <summary>Somebody decided the item first; this decision was not recorded and nothing was sent.</summary>
    AlreadyDecided,

    /// <summary>Another moderator holds the item's lease.</summary>
    LeasedByOther,
}
