namespace Moderation.Review.Decisions;

public enum DecisionResult
{
    Decided,

    /// <summary>Somebody decided the item first; this decision was not recorded and nothing was sent.</summary>
    AlreadyDecided,

    /// <summary>Another moderator holds the item's lease.</summary>
    LeasedByOther,

    /// <summary>Re-deciding: the item is still waiting for its first decision.</summary>
    NotDecided,

    /// <summary>Re-deciding: another decision was recorded since the one the moderator saw; nothing was changed.</summary>
    Superseded,

    /// <summary>Re-deciding: the site's undo window has passed since the last decision.</summary>
    UndoWindowPassed,

    /// <summary>Re-deciding: the last decision's event is not sent yet and the broker cannot take it now.</summary>
    PreviousUnsent,

    /// <summary>Taking down: the comment is not published (waiting, or rejected: taken down already).</summary>
    NotPublished,
}
