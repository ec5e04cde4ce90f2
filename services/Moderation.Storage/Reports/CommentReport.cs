namespace Moderation.Storage.Reports;

/// <summary>One reader's report of one comment. A reporter counts once per comment, however often they report it.</summary>
public sealed record CommentReport(
    Guid CommentId,
    string SiteId,
    string ReporterId,
    string Reason,
    string? Note,
    DateTimeOffset ReportedAt);
