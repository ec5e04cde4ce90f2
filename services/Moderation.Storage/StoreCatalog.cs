using Moderation.Storage.Activity;
using Moderation.Storage.Articles;
using Moderation.Storage.Comments;
using Moderation.Storage.Erasure;
using Moderation.Storage.Publishing;
using Moderation.Storage.Reports;
using Moderation.Storage.Review;
using Moderation.Storage.Stats;

namespace Moderation.Storage;

/// <summary>What a provider opened for the owners asked for: their databases and their stores; the rest stay null.</summary>
internal sealed class StoreCatalog
{
    public List<IStoreDatabase> Databases { get; } = [];

    public List<IDisposable> Resources { get; } = [];

    /// <summary>Each opened owner's erasure, in the order the owners were opened.</summary>
    public SortedDictionary<StoreOwner, IAuthorErasureStore> Erasures { get; } = [];

    public ICommentStatusStore? CommentStatus { get; set; }

    public ISubmissionOutboxStore? SubmissionOutbox { get; set; }

    public IIdempotencyStore? Idempotency { get; set; }

    public ICommentReportStore? CommentReports { get; set; }

    public IArticleStateStore? ArticleStates { get; set; }

    public ISiteStatsStore? SiteStats { get; set; }

    public IArticleCommentStore? ArticleComments { get; set; }

    public IReviewQueueStore? ReviewQueue { get; set; }

    public IAuthorActivityStore? AuthorActivity { get; set; }

    public IAuthorStandingStore? AuthorStanding { get; set; }

    public IAuthorHistoryStore? AuthorHistory { get; set; }

    public IModeratorAccountStore? ModeratorAccounts { get; set; }

    public IModeratorTokenStore? ModeratorTokens { get; set; }

    public IModeratorSessionStore? ModeratorSessions { get; set; }

    public IReviewAuditStore? ReviewAudit { get; set; }

    public IReviewCommentLogStore? ReviewComments { get; set; }

    public IReviewBulkActionStore? ReviewBulkActions { get; set; }
}
