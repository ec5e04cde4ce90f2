using Polly;

namespace Moderation.Storage.Sqlite;

/// <summary>Opens each owner's tables and stores on one SQLite file (the composed host) or on a file per service.</summary>
internal static class SqliteOwnedStores
{
    public static void Open(
        StoreCatalog catalog,
        string path,
        IEnumerable<StoreOwner> owners,
        ResiliencePipeline storePipeline,
        ResiliencePipeline startupPipeline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        foreach (var owner in owners)
        {
            var database = new SqliteDatabase(path, owner, storePipeline, startupPipeline);
            catalog.Databases.Add(database);
            catalog.Erasures[owner] = new SqliteAuthorErasureStore(database);
            switch (owner)
            {
                case StoreOwner.Ingestion:
                    catalog.CommentStatus = new SqliteCommentStatusStore(database);
                    catalog.SubmissionOutbox = new SqliteSubmissionOutboxStore(database);
                    catalog.Idempotency = new SqliteIdempotencyStore(database);
                    catalog.AuthorHistory = new SqliteAuthorHistoryStore(database);
                    catalog.CommentReports = new SqliteCommentReportStore(database);
                    catalog.ArticleStates = new SqliteArticleStateStore(database);
                    catalog.SiteStats = new SqliteSiteStatsStore(database);
                    break;
                case StoreOwner.Worker:
                    catalog.AuthorActivity = new SqliteAuthorActivityStore(database);
                    catalog.AuthorStanding = new SqliteAuthorStandingStore(database);
                    break;
                case StoreOwner.Publishing:
                    catalog.ArticleComments = new SqliteArticleCommentStore(database);
                    break;
                case StoreOwner.Review:
                    catalog.ReviewQueue = new SqliteReviewQueueStore(database);
                    catalog.ModeratorAccounts = new SqliteModeratorAccountStore(database);
                    catalog.ModeratorTokens = new SqliteModeratorTokenStore(database);
                    catalog.ModeratorSessions = new SqliteModeratorSessionStore(database);
                    catalog.ReviewAudit = new SqliteReviewAuditStore(database);
                    catalog.ReviewComments = new SqliteReviewCommentLogStore(database);
                    catalog.ReviewBulkActions = new SqliteReviewBulkActionStore(database);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(owners), owner, "Unknown store owner.");
            }
        }
    }
}
