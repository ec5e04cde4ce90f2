using Moderation.Storage.Activity;
using Moderation.Storage.Comments;
using Moderation.Storage.Publishing;
using Moderation.Storage.Resilience;
using Moderation.Storage.Review;
using Polly;

namespace Moderation.Storage.Sqlite;

/// <summary>The stores on one SQLite file.</summary>
public sealed class SqliteStores : IModerationStores
{
    private readonly SqliteDatabase _database;

    /// <summary>For the host: the schema is created by the start-up initializer or, at the latest, by the first call.</summary>
    public SqliteStores(string path, ResiliencePipeline storePipeline, ResiliencePipeline startupPipeline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _database = new SqliteDatabase(path, storePipeline, startupPipeline);
        CommentStatus = new SqliteCommentStatusStore(_database);
        Idempotency = new SqliteIdempotencyStore(_database);
        ArticleComments = new SqliteArticleCommentStore(_database);
        ReviewQueue = new SqliteReviewQueueStore(_database);
        AuthorActivity = new SqliteAuthorActivityStore(_database);
        AuthorHistory = new SqliteAuthorHistoryStore(_database);
        ModeratorAccounts = new SqliteModeratorAccountStore(_database);
        ModeratorTokens = new SqliteModeratorTokenStore(_database);
        ModeratorSessions = new SqliteModeratorSessionStore(_database);
        ReviewAudit = new SqliteReviewAuditStore(_database);
        ReviewComments = new SqliteReviewCommentLogStore(_database);
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

    /// <summary>Stores on <paramref name="path"/> with the default retry policies, schema created. For tests and tools.</summary>
    public static async Task<SqliteStores> CreateAsync(
        string path, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var stores = new SqliteStores(
            path, StoreResilience.CreateStorePipeline(timeProvider), StoreResilience.CreateStartupPipeline(timeProvider));
        await stores.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return stores;
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _database.InitializeAsync(cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken = default) => _database.PingAsync(cancellationToken);

    /// <summary>Connections are pooled per connection string and shared; nothing here owns one.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
