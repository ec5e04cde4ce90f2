namespace Moderation.Ingestion.Reports;

/// <summary>The reasons a reader may give.</summary>
public static class ReportReasons
{
    public static readonly IReadOnlyList<string> All = ["spam", "abuse", "off_topic", "other"];

    public const int MaxNoteLength = 1000;

    public const int MaxReporterIdLength = 128;
}
