namespace Moderation.Ingestion.Reports;

/// <summary>The body of <c>POST /v1/comments/{id}/reports</c>: who reports, why (<c>spam|abuse|off_topic|other</c>), and an optional note.</summary>
public sealed record ReportCommentRequest(string? ReporterId, string? Reason, string? Note);
