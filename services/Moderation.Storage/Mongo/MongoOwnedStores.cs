using Moderation.Storage.Activity;
using MongoDB.Driver;
using Polly;

namespace Moderation.Storage.Mongo;

/// <summary>Opens each owner's stores on its own MongoDB database (or on the one database the settings name).</summary>
internal static class MongoOwnedStores
{
    public static void Open(
        StoreCatalog catalog,
        MongoStorageOptions options,
        IEnumerable<StoreOwner> owners,
        ResiliencePipeline storePipeline,
        ResiliencePipeline startupPipeline)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        MongoConventions.Register();
        var client = new MongoClient(options.ClientSettings());
        catalog.Resources.Add(client);
        foreach (var owner in owners)
        {
            var context = new MongoDatabaseContext(
                client.GetDatabase(options.DatabaseFor(owner)), owner, options.ActivityRetention, storePipeline, startupPipeline);
            catalog.Databases.Add(context);
            catalog.Erasures[owner] = new MongoAuthorErasureStore(context);
            switch (owner)
            {
                case StoreOwner.Ingestion:
                    catalog.CommentStatus = new MongoCommentStatusStore(context);
                    catalog.SubmissionOutbox = new MongoSubmissionOutboxStore(context);
                    catalog.Idempotency = new MongoIdempotencyStore(context);
                    catalog.AuthorHistory = new MongoAuthorHistoryStore(context, IAuthorHistoryStore.MaxEntries);
                    catalog.CommentReports = new MongoCommentReportStore(context);
                    catalog.ArticleStates = new MongoArticleStateStore(context);
                    catalog.SiteStats = new MongoSiteStatsStore(context);
                    break;
                case StoreOwner.Worker:
                    catalog.AuthorActivity = new MongoAuthorActivityStore(context);
                    catalog.AuthorStanding = new MongoAuthorStandingStore(context);
                    break;
                case StoreOwner.Publishing:
                    catalog.ArticleComments = new MongoArticleCommentStore(context);
                    break;
                case StoreOwner.Review:
                    catalog.ReviewQueue = new MongoReviewQueueStore(context);
                    catalog.ModeratorAccounts = new MongoModeratorAccountStore(context);
                    catalog.ModeratorTokens = new MongoModeratorTokenStore(context);
                    catalog.ModeratorSessions = new MongoModeratorSessionStore(context);
                    catalog.ReviewAudit = new MongoReviewAuditStore(context);
                    catalog.ReviewComments = new MongoReviewCommentLogStore(context);
                    catalog.ReviewBulkActions = new MongoReviewBulkActionStore(context);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(owners), owner, "Unknown store owner.");
            }
        }
    }
}
