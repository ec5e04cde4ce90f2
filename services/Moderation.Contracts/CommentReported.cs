namespace Moderation.Contracts;

/// <summary>
/// A reader reported a comment (published once per reporter; a retried report is published again, unchanged, so a lost
/// publish heals). <paramref name="OpenReports"/> counts distinct reporters since the last moderator decision.
/// <paramref name="NeedsReview"/> is set once that count reached the site's threshold on a published comment, and
/// <paramref name="Hidden"/> once it reached the second threshold. <paramref name="Decision"/> is the rules engine's,
/// so the review queue can show why the comment was approved.
/// </summary>
public sealed record CommentReported(
    Guid CommentId,
    string SiteId,
    string ArticleId,
    string AuthorId,
    string ReporterId,
    string Reason,
    int OpenReports,
    bool NeedsReview,
    bool Hidden,
    DateTimeOffset ReportedAt,
    ModerationDecision? Decision = null);
