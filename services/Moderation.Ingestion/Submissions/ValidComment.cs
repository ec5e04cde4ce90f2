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
    [property: System.Text.Json.Serialization.JsonIgnore] string? HoldReason = null);
