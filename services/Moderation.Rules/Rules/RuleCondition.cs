namespace Moderation.Rules.Rules;

/// <summary>
/// Limits a rule to some comments: by author signals (new commenters) or by the length of the text. A rule with an
/// author condition fires only when the site sent the signal and it is below the limit; with no signal the author
/// is not treated as new, so an unknown never holds a comment by itself. <see cref="AccountAgeDaysUnknownOrUnder"/>
/// is the opposite for an unknown: the rule holds back only for an author the site says is established.
/// </summary>
public sealed record RuleCondition
{
    /// <summary>The YAML keys of a <c>when:</c> mapping, in the order error messages list them.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["account_age_days_under", "account_age_days_unknown_or_under", "approved_comments_under", "text_chars_under", "reports_at_least"];

    public int? AccountAgeDaysUnder { get; init; }

    public int? AccountAgeDaysUnknownOrUnder { get; init; }

    public int? ApprovedCommentsUnder { get; init; }

    public int? TextCharsUnder { get; init; }

    /// <summary>Only a comment readers reported at least this many times (as AutoModerator's <c>reports:</c>).</summary>
    public int? ReportsAtLeast { get; init; }

    public bool AppliesTo(CommentToModerate comment) =>
        (AccountAgeDaysUnder is null || comment.AccountAgeDays is { } age && age < AccountAgeDaysUnder)
        && (AccountAgeDaysUnknownOrUnder is null || comment.AccountAgeDays is not { } knownAge || knownAge < AccountAgeDaysUnknownOrUnder)
        && (ApprovedCommentsUnder is null || comment.ApprovedComments is { } approved && approved < ApprovedCommentsUnder)
        && (TextCharsUnder is null || comment.Text.Length < TextCharsUnder)
        && (ReportsAtLeast is null || comment.ReaderReports is { } reports && reports >= ReportsAtLeast);
}
