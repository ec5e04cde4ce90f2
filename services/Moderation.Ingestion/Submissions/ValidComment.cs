using Moderation.Contracts;

namespace Moderation.Ingestion.Submissions;

/// <summary>A submission that passed validation: body NFC-normalised, everything else checked.</summary>
public sealed record ValidComment(
    string SiteId,
    string ArticleId,
    CommentAuthor Author,
    string Body,
    Guid? ParentId,
    AuthorSignals? AuthorSignals);
