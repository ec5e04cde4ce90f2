namespace Moderation.Rules.Rules;

/// <summary>
/// Limits a rule to some comments: by author signals (new commenters) or by the length of the text. A rule with an
/// author condition fires only when the site sent the signal and it is below the limit; with no signal the author
/// is not treated as new, so an unknown never holds a comment by itself.
/// </summary>
public sealed record RuleCondition(int? AccountAgeDaysUnder, int? ApprovedCommentsUnder, int? TextCharsUnder = null)
{
    public bool AppliesTo(CommentToModerate comment) =>
        (AccountAgeDaysUnder is null || comment.AccountAgeDays is { } age && age < AccountAgeDaysUnder)
        && (ApprovedCommentsUnder is null || comment.ApprovedComments is { } approved && approved < ApprovedCommentsUnder)
        && (TextCharsUnder is null || comment.Text.Length < TextCharsUnder);
}
