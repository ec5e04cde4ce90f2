using System.Text.Json.Serialization;
using Moderation.Contracts;

namespace Moderation.Ingestion.Submissions;

/// <summary>A submission that passed validation: body NFC-normalised, everything else checked.</summary>
public sealed record ValidComment(
    string SiteId,
    string ArticleId,
    CommentAuthor Author,
    string Body,
    Guid? ParentId,
    AuthorSignals? AuthorSignals,

    // Left out of the request fingerprint when absent, so an idempotency key stored before sections existed still
    // matches the same request sent again.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Section = null);
