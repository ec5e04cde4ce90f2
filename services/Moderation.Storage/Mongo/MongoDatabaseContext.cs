using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Bson;
using MongoDB.Driver;
using Polly;

namespace Moderation.Storage.Mongo;

/// <summary>One owner's database: the collections its stores use, and only that owner's indexes.</summary>
internal sealed class MongoDatabaseContext : IStoreDatabase
{
    public const string ArticleReadIndex = "SiteId_ArticleId_PublishedAt_Id";

    public const string ActivityTtlIndex = "SubmittedAt_ttl";

    /// <summary>The submission outbox's index of unsent comments (sparse: sent ones are not in it).</summary>
    public const string OutboxIndex = "OutboxDueAt_sparse";

    /// <summary>The review queue's index of pending items (partial: decided items are not in it).</summary>
    public const string PendingQueueIndex = "Pending_SiteId_Status_QueuedAt_Id";

    private readonly ResiliencePipeline _pipeline;
    private readonly InitializationGate _indexes;
    private readonly TimeSpan _activityRetention;

    public MongoDatabaseContext(
        IMongoDatabase database,
        StoreOwner owner,
        TimeSpan activityRetention,
        ResiliencePipeline pipeline,
        ResiliencePipeline startupPipeline)
    {
        Database = database;
        Owner = owner;
        _activityRetention = activityRetention;
        _pipeline = pipeline;
        _indexes = new InitializationGate(
            cancellationToken => startupPipeline.ExecuteAsync(CreateIndexesAsync, cancellationToken).AsTask());
        CommentStatus = database.GetCollection<CommentStatusDocument>("comment_status");
        Idempotency = database.GetCollection<IdempotencyDocument>("idempotency_keys");
        ArticleComments = database.GetCollection<PublishedCommentDocument>("article_comments");
        ReviewQueue = database.GetCollection<ReviewItemDocument>("review_queue");
        AuthorActivity = database.GetCollection<AuthorActivityDocument>("author_activity");
        AuthorHistory = database.GetCollection<AuthorHistoryDocument>("author_history");
        CommentReports = database.GetCollection<CommentReportDocument>("comment_reports");
        ArticleStates = database.GetCollection<ArticleStateDocument>("article_state");
        ArticleMinutes = database.GetCollection<ArticleMinuteDocument>("article_minutes");
    }

    public IMongoDatabase Database { get; }

    public StoreOwner Owner { get; }

    public IMongoCollection<CommentStatusDocument> CommentStatus { get; }

    public IMongoCollection<IdempotencyDocument> Idempotency { get; }

    public IMongoCollection<PublishedCommentDocument> ArticleComments { get; }

    public IMongoCollection<ReviewItemDocument> ReviewQueue { get; }

    public IMongoCollection<AuthorActivityDocument> AuthorActivity { get; }

    public IMongoCollection<AuthorHistoryDocument> AuthorHistory { get; }

    public IMongoCollection<CommentReportDocument> CommentReports { get; }

    public IMongoCollection<ArticleStateDocument> ArticleStates { get; }

    public IMongoCollection<ArticleMinuteDocument> ArticleMinutes { get; }

    public Task InitializeAsync(CancellationToken cancellationToken) => _indexes.EnsureAsync(cancellationToken).AsTask();

    /// <summary>Creates this owner's indexes again (one found missing at run time), without holding up the caller.</summary>
    public void RecreateIndexesInBackground() =>
        _ = Task.Run(async () =>
        {
            try
            {
                await CreateIndexesAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (MongoException)
            {
                // The next read that misses the index tries again.
            }
        });

    public Task PingAsync(CancellationToken cancellationToken) =>
        Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);

    /// <summary>Runs one store operation, retried on a lost connection or a timeout.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await _indexes.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _pipeline.ExecuteAsync(
            async token => await operation(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts once: true when inserted, false when the unique index already holds the key.</summary>
    public Task<bool> TryInsertAsync<TDocument>(
        IMongoCollection<TDocument> collection, TDocument document, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                try
                {
                    await collection.InsertOneAsync(document, cancellationToken: token).ConfigureAwait(false);
                    return true;
                }
                catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
                {
                    return false;
                }
            },
            cancellationToken);

    // createIndexes is idempotent for an identical spec, so every replica may run it at start-up.
    private ValueTask CreateIndexesAsync(CancellationToken cancellationToken) => Owner switch
    {
        StoreOwner.Ingestion => CreateIngestionIndexesAsync(cancellationToken),
        StoreOwner.Worker => CreateWorkerIndexesAsync(cancellationToken),
        StoreOwner.Publishing => CreatePublishingIndexesAsync(cancellationToken),
        StoreOwner.Review => CreateReviewIndexesAsync(cancellationToken),
        _ => throw new InvalidOperationException($"Unknown store owner {Owner}."),
    };

    private async ValueTask CreateIngestionIndexesAsync(CancellationToken cancellationToken)
    {
        await Idempotency.Indexes.CreateOneAsync(
            new CreateIndexModel<IdempotencyDocument>(
                Builders<IdempotencyDocument>.IndexKeys.Ascending(d => d.SiteId).Ascending(d => d.Key),
                new CreateIndexOptions { Name = "SiteId_Key_unique", Unique = true }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // Counting a comment's open reports.
        await CommentReports.Indexes.CreateOneAsync(
            new CreateIndexModel<CommentReportDocument>(
                Builders<CommentReportDocument>.IndexKeys.Ascending(d => d.CommentId).Ascending(d => d.Closed),
                new CreateIndexOptions { Name = "CommentId_Closed" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // A site's stats read its comments by submission time.
        await CommentStatus.Indexes.CreateOneAsync(
            new CreateIndexModel<CommentStatusDocument>(
                Builders<CommentStatusDocument>.IndexKeys.Ascending(d => d.SiteId).Ascending(d => d.SubmittedAt),
                new CreateIndexOptions { Name = "SiteId_SubmittedAt" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // The submission relays' claim: only unsent comments carry OutboxDueAt, so the index holds only those.
        await CommentStatus.Indexes.CreateOneAsync(
            new CreateIndexModel<CommentStatusDocument>(
                Builders<CommentStatusDocument>.IndexKeys.Ascending(d => d.OutboxDueAt),
                new CreateIndexOptions { Name = OutboxIndex, Sparse = true }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // The surge watcher's scan, and pruning old per-minute counts.
        await ArticleStates.Indexes.CreateOneAsync(
            new CreateIndexModel<ArticleStateDocument>(
                Builders<ArticleStateDocument>.IndexKeys.Ascending(d => d.SurgeUntil), new CreateIndexOptions { Name = "SurgeUntil" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await ArticleMinutes.Indexes.CreateOneAsync(
            new CreateIndexModel<ArticleMinuteDocument>(
                Builders<ArticleMinuteDocument>.IndexKeys.Ascending(d => d.Minute), new CreateIndexOptions { Name = "Minute" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask CreatePublishingIndexesAsync(CancellationToken cancellationToken) =>
        await ArticleComments.Indexes.CreateOneAsync(
            new CreateIndexModel<PublishedCommentDocument>(
                Builders<PublishedCommentDocument>.IndexKeys
                    .Ascending(d => d.SiteId).Ascending(d => d.ArticleId).Ascending(d => d.PublishedAt).Ascending(d => d.Id),
                new CreateIndexOptions { Name = ArticleReadIndex }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

    private async ValueTask CreateWorkerIndexesAsync(CancellationToken cancellationToken)
    {
        await AuthorActivity.Indexes.CreateOneAsync(
            new CreateIndexModel<AuthorActivityDocument>(
                Builders<AuthorActivityDocument>.IndexKeys
                    .Ascending(d => d.SiteId).Ascending(d => d.AuthorId).Ascending(d => d.SubmittedAt).Ascending(d => d.Id),
                new CreateIndexOptions { Name = "SiteId_AuthorId_SubmittedAt_Id" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await AuthorActivity.Indexes.CreateOneAsync(
                new CreateIndexModel<AuthorActivityDocument>(
                    Builders<AuthorActivityDocument>.IndexKeys.Ascending(d => d.SubmittedAt),
                    new CreateIndexOptions { Name = ActivityTtlIndex, ExpireAfter = _activityRetention }),
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MongoCommandException exception) when (MongoErrors.IsIndexOptionsConflict(exception))
        {
            // The retention changed since the index was built: MongoDB refuses a new spec under the same name, but
            // collMod alters a TTL in place, without a rebuild.
            await Database.RunCommandAsync<BsonDocument>(
                new BsonDocument
                {
                    { "collMod", AuthorActivity.CollectionNamespace.CollectionName },
                    {
                        "index", new BsonDocument
                        {
                            { "name", ActivityTtlIndex },
                            { "expireAfterSeconds", (long)_activityRetention.TotalSeconds },
                        }
                    },
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask CreateReviewIndexesAsync(CancellationToken cancellationToken)
    {
        // Pending items only: decided ones are not in the index the queue, claims and counts read, however many pile up.
        await ReviewQueue.Indexes.CreateOneAsync(
            new CreateIndexModel<ReviewItemDocument>(
                Builders<ReviewItemDocument>.IndexKeys
                    .Ascending(d => d.SiteId).Ascending(d => d.Status).Ascending(d => d.QueuedAt).Ascending(d => d.Id),
                new CreateIndexOptions<ReviewItemDocument>
                {
                    Name = PendingQueueIndex,
                    PartialFilterExpression = Builders<ReviewItemDocument>.Filter.Eq(d => d.Status, ReviewItemStatus.Pending),
                }),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await DropIndexIfPresentAsync(ReviewQueue, "SiteId_Status_QueuedAt_Id", cancellationToken).ConfigureAwait(false);

        // The pruner's scan of decided items by decision time.
        await ReviewQueue.Indexes.CreateOneAsync(
            new CreateIndexModel<ReviewItemDocument>(
                Builders<ReviewItemDocument>.IndexKeys.Ascending("Review.DecidedAt"),
                new CreateIndexOptions<ReviewItemDocument>
                {
                    Name = "Review.DecidedAt_decided",
                    PartialFilterExpression = Builders<ReviewItemDocument>.Filter.Eq(d => d.DecisionUnsent, false),
                }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // The decided queue of a site, newest decision first; decided items only.
        await ReviewQueue.Indexes.CreateOneAsync(
            new CreateIndexModel<ReviewItemDocument>(
                Builders<ReviewItemDocument>.IndexKeys.Ascending(d => d.SiteId).Descending("Review.DecidedAt").Descending(d => d.Id),
                new CreateIndexOptions<ReviewItemDocument>
                {
                    Name = "SiteId_Review.DecidedAt_decided",
                    PartialFilterExpression = Builders<ReviewItemDocument>.Filter.Exists("Review.DecidedAt"),
                }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // Releasing a moderator's other items (every claim does) finds them by LeasedBy.
        await ReviewQueue.Indexes.CreateOneAsync(
            new CreateIndexModel<ReviewItemDocument>(
                Builders<ReviewItemDocument>.IndexKeys.Ascending(d => d.LeasedBy),
                new CreateIndexOptions { Name = "LeasedBy" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // The outbox relay's scan: only decisions whose event is unsent are in this index, so it stays tiny.
        await ReviewQueue.Indexes.CreateOneAsync(
            new CreateIndexModel<ReviewItemDocument>(
                Builders<ReviewItemDocument>.IndexKeys.Ascending(d => d.DecisionUnsent),
                new CreateIndexOptions<ReviewItemDocument>
                {
                    Name = "DecisionUnsent_partial",
                    PartialFilterExpression = Builders<ReviewItemDocument>.Filter.Eq(d => d.DecisionUnsent, true),
                }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        await MongoReviewIndexes.CreateAsync(Database, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops an index an earlier version created, so a replaced index does not linger (nor cost every write).</summary>
    private static async Task DropIndexIfPresentAsync<TDocument>(
        IMongoCollection<TDocument> collection, string name, CancellationToken cancellationToken)
    {
        using var cursor = await collection.Indexes.ListAsync(cancellationToken).ConfigureAwait(false);
        var names = (await cursor.ToListAsync(cancellationToken).ConfigureAwait(false)).Select(index => index["name"].AsString);
        if (names.Contains(name))
        {
            await collection.Indexes.DropOneAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }
}
