using Moderation.Storage.Activity;
using Moderation.Storage.Articles;
using Moderation.Storage.Comments;
using Moderation.Storage.Erasure;
using Moderation.Storage.Mongo;
using Moderation.Storage.Publishing;
using Moderation.Storage.Reports;
using Moderation.Storage.Resilience;
using Moderation.Storage.Review;
using Moderation.Storage.Sqlite;
using Moderation.Storage.Stats;
using Polly;

namespace Moderation.Storage;

/// <summary>
/// The stores of the owners one process runs, on the provider its settings name. A store of an owner that was not
/// opened cannot be reached: asking for it throws, so a service cannot quietly depend on another's data.
/// </summary>
public sealed class ModerationStores : IAsyncDisposable
{
    private readonly StoreCatalog _catalog;

    private ModerationStores(IReadOnlySet<StoreOwner> owners, StoreCatalog catalog)
    {
        Owners = owners;
        _catalog = catalog;
    }

    public IReadOnlySet<StoreOwner> Owners { get; }

    public ICommentStatusStore CommentStatus => Owned(_catalog.CommentStatus, StoreOwner.Ingestion);

    public ISubmissionOutboxStore SubmissionOutbox => Owned(_catalog.SubmissionOutbox, StoreOwner.Ingestion);

    public IIdempotencyStore Idempotency => Owned(_catalog.Idempotency, StoreOwner.Ingestion);

    public IAuthorHistoryStore AuthorHistory => Owned(_catalog.AuthorHistory, StoreOwner.Ingestion);

    public ICommentReportStore CommentReports => Owned(_catalog.CommentReports, StoreOwner.Ingestion);

    public IArticleStateStore ArticleStates => Owned(_catalog.ArticleStates, StoreOwner.Ingestion);

    public ISiteStatsStore SiteStats => Owned(_catalog.SiteStats, StoreOwner.Ingestion);

    public IAuthorActivityStore AuthorActivity => Owned(_catalog.AuthorActivity, StoreOwner.Worker);

    public IAuthorStandingStore AuthorStanding => Owned(_catalog.AuthorStanding, StoreOwner.Worker);

    public IArticleCommentStore ArticleComments => Owned(_catalog.ArticleComments, StoreOwner.Publishing);

    public IReviewQueueStore ReviewQueue => Owned(_catalog.ReviewQueue, StoreOwner.Review);

    public IModeratorAccountStore ModeratorAccounts => Owned(_catalog.ModeratorAccounts, StoreOwner.Review);

    public IModeratorTokenStore ModeratorTokens => Owned(_catalog.ModeratorTokens, StoreOwner.Review);

    public IModeratorSessionStore ModeratorSessions => Owned(_catalog.ModeratorSessions, StoreOwner.Review);

    public IReviewAuditStore ReviewAudit => Owned(_catalog.ReviewAudit, StoreOwner.Review);

    public IReviewCommentLogStore ReviewComments => Owned(_catalog.ReviewComments, StoreOwner.Review);

    public IReviewBulkActionStore ReviewBulkActions => Owned(_catalog.ReviewBulkActions, StoreOwner.Review);

    /// <summary>The erasure of one opened owner: its record of erased authors and the removal of their data.</summary>
    public IAuthorErasureStore ErasureOf(StoreOwner owner) =>
        _catalog.Erasures.TryGetValue(owner, out var erasure)
            ? erasure
            : throw new InvalidOperationException($"The {owner} stores are not opened in this process, which owns {string.Join(", ", Owners)}.");

    /// <summary>
    /// Whether the author is erased, by the record of the first owner this process opened. The composed host's first is
    /// Ingestion, which records an erasure before announcing it; a service alone consults its own record.
    /// </summary>
    public Task<bool> IsAuthorErasedAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        _catalog.Erasures.First().Value.IsErasedAsync(siteId, authorId, cancellationToken);

    /// <summary>How many authors the record <see cref="IsAuthorErasedAsync"/> consults holds (it only grows).</summary>
    public Task<long> CountErasedAuthorsAsync(CancellationToken cancellationToken = default) =>
        _catalog.Erasures.First().Value.CountErasedAsync(cancellationToken);

    /// <summary>Every key of the record <see cref="IsAuthorErasedAsync"/> consults (<see cref="Erasure.AuthorErasureKey.For"/>).</summary>
    public Task<IReadOnlyCollection<string>> ErasedAuthorKeysAsync(CancellationToken cancellationToken = default) =>
        _catalog.Erasures.First().Value.ListErasedAsync(cancellationToken);

    /// <summary>
    /// Opens the stores of <paramref name="owners"/> without touching the database; the schema is created by
    /// <see cref="InitializeAsync"/> (the host's start-up initializer) or, at the latest, by the first call.
    /// </summary>
    /// <param name="sqlitePath">The SQLite file, already resolved against the content root.</param>
    public static ModerationStores Open(
        StorageOptions options,
        string sqlitePath,
        IEnumerable<StoreOwner> owners,
        ResiliencePipeline storePipeline,
        ResiliencePipeline startupPipeline)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(owners);
        var owned = new SortedSet<StoreOwner>(owners);
        if (owned.Count == 0)
        {
            throw new ArgumentException("Name at least one owner whose stores to open.", nameof(owners));
        }

        var catalog = new StoreCatalog();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                SqliteOwnedStores.Open(catalog, sqlitePath, owned, storePipeline, startupPipeline);
                break;
            case StorageProvider.MongoDb:
                MongoOwnedStores.Open(catalog, options.MongoDb, owned, storePipeline, startupPipeline);
                break;
            default:
                throw new ArgumentException("Storage:Provider must be Sqlite or MongoDb.", nameof(options));
        }

        return new ModerationStores(owned, catalog);
    }

    /// <summary>
    /// Opens and initialises the stores of <paramref name="owners"/> (every owner when null) with the default retry
    /// policies. For tests and tools; a relative SQLite path is taken from the current directory.
    /// </summary>
    public static async Task<ModerationStores> OpenAsync(
        StorageOptions options,
        IEnumerable<StoreOwner>? owners = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stores = Open(
            options,
            Path.GetFullPath(options.Sqlite.Path),
            owners ?? Enum.GetValues<StoreOwner>(),
            StoreResilience.CreateStorePipeline(timeProvider),
            StoreResilience.CreateStartupPipeline(timeProvider));
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

    /// <summary>Every owner's stores on one SQLite file, initialised. For tests and tools.</summary>
    public static Task<ModerationStores> OpenSqliteAsync(string path, TimeProvider? timeProvider = null) =>
        OpenAsync(new StorageOptions { Sqlite = { Path = path } }, timeProvider: timeProvider);

    /// <summary>The stores of <paramref name="owners"/> (every owner when null) on MongoDB, initialised. For tests and tools.</summary>
    public static Task<ModerationStores> OpenMongoAsync(
        MongoStorageOptions options, IEnumerable<StoreOwner>? owners = null, TimeProvider? timeProvider = null) =>
        OpenAsync(new StorageOptions { Provider = StorageProvider.MongoDb, MongoDb = options }, owners, timeProvider);

    /// <summary>Creates every opened owner's tables and indexes; safe to call again and from several processes.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var database in _catalog.Databases)
        {
            await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One cheap round trip to each opened owner's database, for the readiness check.</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(_catalog.Databases.Select(database => database.PingAsync(cancellationToken)));

    public ValueTask DisposeAsync()
    {
        foreach (var resource in _catalog.Resources)
        {
            resource.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private T Owned<T>(T? store, StoreOwner owner)
        where T : class =>
        store ?? throw new InvalidOperationException(
            $"The {owner} stores are not opened in this process, which owns {string.Join(", ", Owners)}.");
}
