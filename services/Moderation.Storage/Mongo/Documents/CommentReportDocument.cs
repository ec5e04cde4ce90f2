using Moderation.Storage.Reports;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

/// <summary>One report; <c>_id</c> is the comment and the reporter, so a reporter counts once per comment.</summary>
internal sealed class CommentReportDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid CommentId { get; set; }

    public string SiteId { get; set; } = "";

    public string ReporterId { get; set; } = "";

    public string Reason { get; set; } = "";

    public string? Note { get; set; }

    public DateTime ReportedAt { get; set; }

    public bool Closed { get; set; }

    public static string Key(Guid commentId, string reporterId) => $"{commentId:N}:{reporterId}";

    public static CommentReportDocument From(CommentReport report) => new()
    {
        Id = Key(report.CommentId, report.ReporterId),
        CommentId = report.CommentId,
        SiteId = report.SiteId,
        ReporterId = report.ReporterId,
        Reason = report.Reason,
        Note = report.Note,
        ReportedAt = StoredTime.ToUtcDateTime(report.ReportedAt),
    };
}
