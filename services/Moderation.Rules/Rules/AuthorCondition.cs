namespace Moderation.Rules.Rules;

/// <summary>
/// Limits a rule to new commenters. A rule with a condition fires only when the site sent the signal and it is below
/// the limit; with no signal the author is not treated as new, so an unknown never holds a comment by itself.
/// </summary>
public sealed record AuthorCondition(int? AccountAgeDaysUnder, int? ApprovedCommentsUnder)
{
    public bool AppliesTo(CommentToModerate comment) =>
        (AccountAgeDaysUnder is null || comment.AccountAgeDays is { } age && age < AccountAgeDaysUnder)
        && (ApprovedCommentsUnder is null || comment.ApprovedComments is { } approved && approved < ApprovedCommentsUnder);
}
