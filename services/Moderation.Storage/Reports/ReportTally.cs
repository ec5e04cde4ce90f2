namespace Moderation.Storage.Reports;

/// <summary>
/// What adding a report did: <paramref name="Added"/> is false when this reporter had already reported the comment;
/// <paramref name="OpenReports"/> counts the comment's reporters since its last moderator decision, after the add.
/// </summary>
public sealed record ReportTally(bool Added, int OpenReports);
