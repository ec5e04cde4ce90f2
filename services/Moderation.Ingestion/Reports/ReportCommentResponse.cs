namespace Moderation.Ingestion.Reports;

/// <summary>
/// <paramref name="Counted"/> is false when this reporter had already reported the comment (it still counts once);
/// <paramref name="Reports"/> is how many readers reported it since the last moderator decision.
/// </summary>
public sealed record ReportCommentResponse(Guid CommentId, bool Counted, int Reports);
