using System.Text.Json.Serialization;
using Moderation.Contracts;

namespace Moderation.Ingestion.Submissions;

/// <summary>
/// A submission that passed validation: body NFC-normalised, everything else checked. <see cref="HoldReason"/> is set when
/// the article is pre-moderated; it is not part of the request, so it stays out of the Idempotency-Key fingerprint.
/// </summary>
public sealed record ValidComment(
    string SiteId,
    string ArticleId,
    CommentAuthor Author,
    string Body,
    Guid? ParentId,
    AuthorSignals? AuthorSignals,

    // Left out of the request fingerprint when absent, so an idempotency key stored before sections existed still
    // matches the same request sent again.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Section = null,

    // Also left out when absent, for the same reason.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ArticleContext? Article = null,

    // Not part of the request: whether the article is pre-moderated when it arrives.
    [property: JsonIgnore] string? HoldReason = null);
