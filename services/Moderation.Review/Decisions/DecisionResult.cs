namespace Moderation.Review.Decisions;

public enum DecisionResult
{
    Decided,

    /// <summary>Somebody decided the item first; nothing was published.</summary>
    AlreadyDecided,

    /// <summary>Another moderator holds the item's lease.</summary>
    LeasedByOther,
}
