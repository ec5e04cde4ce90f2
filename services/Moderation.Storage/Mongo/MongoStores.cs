using Moderation.Storage.Activity;
using Moderation.Storage.Comments;
using Moderation.Storage.Publishing;
using Moderation.Storage.Resilience;
using Moderation.Storage.Review;
using MongoDB.Driver;
using Polly;

namespace Moderation.Storage.Mongo;

/// <summary>The stores on one MongoDB database.</summary>
public sealed class MongoStores : IModerationStores
{
    private readonly MongoClient _client;
    private readonly MongoDatabaseContext _context;

    /// <summary>For the host: indexes are created by the start-up initializer or, at the latest, by the first call.</summary>
    public MongoStores(MongoStorageOptions options, ResiliencePipeline storePipeline, ResiliencePipeline startupPipeline)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Database);
        _client = new MongoClient(options.ConnectionString);
        _context = new MongoDatabaseContext(
            _client.GetDatabase(options.Database), options.ActivityRetention, storePipeline, startupPipeline);
        CommentStatus = new MongoCommentStatusStore(_context);
        Idempotency = new MongoIdempotencyStore(_context);
        ArticleComments = new MongoArticleCommentStore(_context);
        ReviewQueue = new MongoReviewQueueStore(_context);
        AuthorActivity = new MongoAuthorActivityStore(_context);
        AuthorHistory = new MongoAuthorHistoryStore(_context, IAuthorHistoryStore.MaxEntries);
        ModeratorAccounts = new MongoModeratorAccountStore(_context);
        ModeratorTokens = new MongoModeratorTokenStore(_context);
        ModeratorSessions = new MongoModeratorSessionStore(_context);
        ReviewAudit = new MongoReviewAuditStore(_context);
        ReviewComments = new MongoReviewCommentLogStore(_context);
    }

    public ICommentStatusStore CommentStatus { get; }

    public IIdempotencyStore Idempotency { get; }

    public IArticleCommentStore ArticleComments { get; }

    public IReviewQueueStore ReviewQueue { get; }

    public IAuthorActivityStore AuthorActivity { get; }

    public IAuthorHistoryStore AuthorHistory { get; }

    public IModeratorAccountStore ModeratorAccounts { get; }

    public IModeratorTokenStore ModeratorTokens { get; }

    public IModeratorSessionStore ModeratorSessions { get; }

    public IReviewAuditStore ReviewAudit { get; }

    public IReviewCommentLogStore ReviewComments { get; }

    internal IMongoDatabase Database => _context.Database;

    /// <summary>Stores on <paramref name="options"/> with the default retry policies, indexes created. For tests and tools.</summary>
    public static async Task<MongoStores> CreateAsync(
        MongoStorageOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var stores = new MongoStores(
            options, StoreResilience.CreateStorePipeline(timeProvider), StoreResilience.CreateStartupPipeline(timeProvider));
        try
        {
            await stores.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return stores;
        }
        catch
        {
            await stores.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _context.InitializeAsync(cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken = default) => _context.PingAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
