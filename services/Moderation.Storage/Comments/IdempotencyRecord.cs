namespace Moderation.Storage.Comments;

/// <summary>
/// One <c>Idempotency-Key</c> a site used. <see cref="RequestHash"/> fingerprints the request it came with;
/// <see cref="Published"/> turns true once the broker confirmed the comment's event.
/// </summary>
public sealed record IdempotencyRecord(
    string SiteId,
    string Key,
    string RequestHash,
    Guid CommentId,
    DateTimeOffset CreatedAt,
    bool Published = false);
