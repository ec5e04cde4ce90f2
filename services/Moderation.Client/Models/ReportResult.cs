namespace Moderation.Client.Models;

/// <summary>
/// The answer to a report: <paramref name="Counted"/> is false when this reporter had already reported the comment;
/// <paramref name="Reports"/> is how many readers reported it since the last moderator decision.
/// </summary>
public sealed record ReportResult(Guid CommentId, bool Counted, int Reports);
