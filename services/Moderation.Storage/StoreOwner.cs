namespace Moderation.Storage;

/// <summary>
/// The service that owns a group of stores. Each service opens only its own group, in its own database by default
/// (MongoDB: <c>moderation-ingestion</c>, <c>moderation-worker</c>, <c>moderation-publishing</c>, <c>moderation-review</c>).
/// </summary>
public enum StoreOwner
{
    /// <summary>Comment status and idempotency keys.</summary>
    Ingestion,

    /// <summary>Author activity.</summary>
    Worker,

    /// <summary>Article comments.</summary>
    Publishing,

    /// <summary>Review queue, moderator accounts and tokens, audit log, the author's comment log.</summary>
    Review,
}
