namespace Moderation.Contracts;

/// <summary>
/// A published comment has <paramref name="OpenReports"/> reader reports (Publishing, on each
/// <see cref="CommentReported"/> for a comment it shows): the moderation worker decides it again with that count, so
/// rules with <c>reports_at_least</c> act. <paramref name="Comment"/> is the comment as published; its
/// <see cref="Comment.Section"/> and submission time are not kept there, so it carries none and the time of the report.
/// </summary>
public sealed record CommentReportsCounted(Comment Comment, int OpenReports, DateTimeOffset ReportedAt);
