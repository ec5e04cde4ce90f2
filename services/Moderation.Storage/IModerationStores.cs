using Moderation.Storage.Activity;
using Moderation.Storage.Comments;
using Moderation.Storage.Publishing;
using Moderation.Storage.Review;

namespace Moderation.Storage;

/// <summary>The stores of one provider, sharing one database, plus what the host needs to run them.</summary>
public interface IModerationStores : IAsyncDisposable
{
    ICommentStatusStore CommentStatus { get; }

    IIdempotencyStore Idempotency { get; }

    IArticleCommentStore ArticleComments { get; }

    IReviewQueueStore ReviewQueue { get; }

    IAuthorActivityStore AuthorActivity { get; }

    IAuthorHistoryStore AuthorHistory { get; }

    IModeratorAccountStore ModeratorAccounts { get; }

    IModeratorTokenStore ModeratorTokens { get; }

    IModeratorSessionStore ModeratorSessions { get; }

    IReviewAuditStore ReviewAudit { get; }

    IReviewCommentLogStore ReviewComments { get; }

    /// <summary>Creates tables and indexes once; safe to call again and from several processes.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>A cheap round trip to the database, for the readiness check.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
