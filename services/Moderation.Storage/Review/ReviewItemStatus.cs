namespace Moderation.Storage.Review;

/// <summary>
/// Where a queue item stands (Pending, Approved, Rejected). The audit log uses the same values for decisions, and the
/// Author… values, which no item ever has, for a moderator's action on an author.
/// </summary>
public enum ReviewItemStatus
{
    Pending,
    Approved,
    Rejected,

    /// <summary>Audit only: the author was banned on the site (the entry's reason says until when).</summary>
    AuthorBanned,

    /// <summary>Audit only: every comment of the author is held for review.</summary>
    AuthorPreModerated,

    /// <summary>Audit only: the author's comments skip the flag threshold.</summary>
    AuthorTrusted,

    /// <summary>Audit only: the author's ban, pre-moderation or trust was lifted.</summary>
    AuthorCleared,

    /// <summary>Audit only: a moderator's note on the author.</summary>
    AuthorNote,
}
