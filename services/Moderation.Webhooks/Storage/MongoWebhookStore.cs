using Moderation.Storage.Erasure;
using Moderation.Webhooks.Events;
using MongoDB.Bson;
using MongoDB.Driver;
using Polly;

namespace Moderation.Webhooks.Storage;

/// <summary>The webhook store in a MongoDB database, collection <c>webhook_events</c>.</summary>
public sealed class MongoWebhookStore : IWebhookStore
{
    private static readonly FilterDefinitionBuilder<WebhookEventDocument> Filter = Builders<WebhookEventDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<WebhookEventDocument> Update = Builders<WebhookEventDocument>.Update;

    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<WebhookEventDocument> _events;
    private readonly IMongoCollection<BsonDocument> _erased;
    private readonly ResiliencePipeline _pipeline;
    private readonly SemaphoreSlim _indexLock = new(1, 1);
    private volatile bool _indexesReady;

    public MongoWebhookStore(IMongoDatabase database, ResiliencePipeline pipeline)
    {
        _database = database;
        _events = database.GetCollection<WebhookEventDocument>("webhook_events");
        _erased = database.GetCollection<BsonDocument>("webhook_erased_authors");
        _pipeline = pipeline;
    }

    public Task<bool> EnqueueAsync(WebhookEvent webhookEvent, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RunAsync(
            async token =>
            {
                try
                {
                    await _events.InsertOneAsync(
                        new WebhookEventDocument
                        {
                            Id = Key(webhookEvent.Id),
                            SiteId = webhookEvent.SiteId,
                            Subject = webhookEvent.Subject,
                            Type = webhookEvent.Type,
                            OccurredAt = Stored(webhookEvent.OccurredAt),
                            Body = webhookEvent.Body,
                            Status = DeliveryStatus.Pending,
                            DueAt = Stored(now),
                            LeaseUntil = DateTime.UnixEpoch,
                        },
                        cancellationToken: token).ConfigureAwait(false);
                    return true;
                }
                catch (MongoWriteException exception) when (exception.WriteError?.Category == ServerErrorCategory.DuplicateKey)
                {
                    return false;
                }
            },
            cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, string owner, int max, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<WebhookDelivery>>(
            async token =>
            {
                var at = Stored(now);
                var due = Filter.Eq(d => d.Status, DeliveryStatus.Pending) & Filter.Lte(d => d.DueAt, at) & Filter.Lte(d => d.LeaseUntil, at);
                var candidates = await _events.Find(due)
                    .Sort(Builders<WebhookEventDocument>.Sort.Ascending(d => d.DueAt).Ascending(d => d.OccurredAt).Ascending(d => d.Id))
                    .Limit(max)
                    .ToListAsync(token).ConfigureAwait(false);
                var claimed = new List<WebhookDelivery>(candidates.Count);
                foreach (var candidate in candidates)
                {
                    // Held back while an earlier event of the same subject is pending: each subject's events go out in order.
                    var earlier = Filter.Eq(d => d.SiteId, candidate.SiteId) & Filter.Eq(d => d.Subject, candidate.Subject) &
                        Filter.Eq(d => d.Status, DeliveryStatus.Pending) &
                        (Filter.Lt(d => d.OccurredAt, candidate.OccurredAt) |
                         (Filter.Eq(d => d.OccurredAt, candidate.OccurredAt) & Filter.Lt(d => d.Id, candidate.Id)));
                    if (await _events.Find(earlier).Limit(1).AnyAsync(token).ConfigureAwait(false))
                    {
                        continue;
                    }

                    var result = await _events.UpdateOneAsync(
                        Filter.Eq(d => d.Id, candidate.Id) & Filter.Eq(d => d.Status, DeliveryStatus.Pending) & Filter.Lte(d => d.LeaseUntil, at),
                        Update.Set(d => d.LeaseUntil, Stored(now + lease)).Set(d => d.LeaseOwner, owner),
                        cancellationToken: token).ConfigureAwait(false);
                    if (result.ModifiedCount == 1)
                    {
                        claimed.Add(ToDelivery(candidate));
                    }
                }

                return claimed;
            },
            cancellationToken);

    public async Task MarkDeliveredAsync(Guid eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await UpdateLeasedAsync(
            eventId, owner, Update.Set(d => d.Status, DeliveryStatus.Delivered).Inc(d => d.Attempts, 1).Set(d => d.FinishedAt, Stored(now)),
            cancellationToken).ConfigureAwait(false);

        // The one event that names an erased author keeps the name only until it is delivered.
        await RunAsync(
            async token => await _events.UpdateOneAsync(
                Filter.Eq(d => d.Id, Key(eventId)) & Filter.Eq(d => d.Type, WebhookEventTypes.AuthorErased) & Filter.Eq(d => d.Status, DeliveryStatus.Delivered),
                Update.Set(d => d.Body, ""),
                cancellationToken: token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    public Task EraseAuthorAsync(string siteId, string authorId, DateTimeOffset erasedAt, CancellationToken cancellationToken = default)
    {
        var mentions = AuthorMentions.In(authorId);
        return RunAsync(
            async token =>
            {
                try
                {
                    await _erased.InsertOneAsync(
                        new BsonDocument { ["_id"] = AuthorErasureKey.For(siteId, authorId), ["ErasedAt"] = Stored(erasedAt) },
                        cancellationToken: token).ConfigureAwait(false);
                }
                catch (MongoWriteException exception) when (exception.WriteError?.Category == ServerErrorCategory.DuplicateKey)
                {
                }

                // Read the site's events and pick those that name the author here, not with a server-side text search.
                var named = new List<string>();
                using (var cursor = await _events.Find(Filter.Eq(d => d.SiteId, siteId) & Filter.Ne(d => d.Type, WebhookEventTypes.AuthorErased))
                    .Project(d => new { d.Id, d.Body }).ToCursorAsync(token).ConfigureAwait(false))
                {
                    while (await cursor.MoveNextAsync(token).ConfigureAwait(false))
                    {
                        named.AddRange(cursor.Current.Where(e => AuthorMentions.Names(e.Body, mentions)).Select(e => e.Id));
                    }
                }

                if (named.Count > 0)
                {
                    await _events.DeleteManyAsync(Filter.In(d => d.Id, named), token).ConfigureAwait(false);
                }

                return named.Count;
            },
            cancellationToken);
    }

    public Task<bool> IsAuthorErasedAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        RunAsync(
            async token => await _erased.Find(new BsonDocument("_id", AuthorErasureKey.For(siteId, authorId))).AnyAsync(token).ConfigureAwait(false),
            cancellationToken);

    public Task RescheduleAsync(
        Guid eventId, string owner, DateTimeOffset firstFailedAt, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default) =>
        UpdateLeasedAsync(
            eventId,
            owner,
            Update.Inc(d => d.Attempts, 1).Set(d => d.FirstFailedAt, Stored(firstFailedAt)).Set(d => d.DueAt, Stored(dueAt)).Set(d => d.LastError, error),
            cancellationToken);

    public Task DeadLetterAsync(Guid eventId, string owner, DateTimeOffset now, string error, CancellationToken cancellationToken = default) =>
        UpdateLeasedAsync(
            eventId,
            owner,
            Update.Set(d => d.Status, DeliveryStatus.DeadLettered).Inc(d => d.Attempts, 1).Set(d => d.FinishedAt, Stored(now)).Set(d => d.LastError, error),
            cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> ListDeadLettersAsync(string siteId, int limit, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<WebhookDelivery>>(
            async token => (await _events.Find(Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.Status, DeliveryStatus.DeadLettered))
                    .Sort(Builders<WebhookEventDocument>.Sort.Ascending(d => d.OccurredAt).Ascending(d => d.Id))
                    .Limit(limit)
                    .ToListAsync(token).ConfigureAwait(false))
                .Select(ToDelivery).ToList(),
            cancellationToken);

    public async Task<bool> ReplayAsync(string siteId, Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await ReplayWhereAsync(Filter.Eq(d => d.Id, Key(eventId)), siteId, now, cancellationToken).ConfigureAwait(false) == 1;

    public Task<int> ReplayAllAsync(string siteId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ReplayWhereAsync(Filter.Empty, siteId, now, cancellationToken);

    public Task<int> PurgeDeliveredAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        RunAsync(
            async token => (int)(await _events.DeleteManyAsync(
                Filter.Eq(d => d.Status, DeliveryStatus.Delivered) & Filter.Lt(d => d.FinishedAt, Stored(before)),
                token).ConfigureAwait(false)).DeletedCount,
            cancellationToken);

    public Task<WebhookDelivery?> GetAsync(Guid eventId, CancellationToken cancellationToken = default) =>
        RunAsync(
            async token => await _events.Find(Filter.Eq(d => d.Id, Key(eventId))).FirstOrDefaultAsync(token).ConfigureAwait(false) is { } document
                ? ToDelivery(document)
                : null,
            cancellationToken);

    // createIndexes is idempotent for an identical spec, so every replica may run it at start-up.
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_indexesReady)
        {
            return;
        }

        await _indexLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_indexesReady)
            {
                var keys = Builders<WebhookEventDocument>.IndexKeys;
                await _pipeline.ExecuteAsync(
                    async token => await _events.Indexes.CreateManyAsync(
                        [
                            new CreateIndexModel<WebhookEventDocument>(
                                keys.Ascending(d => d.Status).Ascending(d => d.DueAt), new CreateIndexOptions { Name = "Status_DueAt" }),
                            new CreateIndexModel<WebhookEventDocument>(
                                keys.Ascending(d => d.SiteId).Ascending(d => d.Subject).Ascending(d => d.Status).Ascending(d => d.OccurredAt).Ascending(d => d.Id),
                                new CreateIndexOptions { Name = "SiteId_Subject_Status_OccurredAt_Id" }),
                            new CreateIndexModel<WebhookEventDocument>(
                                keys.Ascending(d => d.SiteId).Ascending(d => d.Status).Ascending(d => d.OccurredAt).Ascending(d => d.Id),
                                new CreateIndexOptions { Name = "SiteId_Status_OccurredAt_Id" }),
                        ],
                        token).ConfigureAwait(false),
                    cancellationToken).ConfigureAwait(false);
                _indexesReady = true;
            }
        }
        finally
        {
            _indexLock.Release();
        }
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);

    private Task UpdateLeasedAsync(
        Guid eventId, string owner, UpdateDefinition<WebhookEventDocument> update, CancellationToken cancellationToken) =>
        RunAsync(
            token => _events.UpdateOneAsync(
                Filter.Eq(d => d.Id, Key(eventId)) & Filter.Eq(d => d.Status, DeliveryStatus.Pending) & Filter.Eq(d => d.LeaseOwner, owner),
                Update.Combine(update, Update.Set(d => d.LeaseUntil, DateTime.UnixEpoch).Set(d => d.LeaseOwner, null)),
                cancellationToken: token),
            cancellationToken);

    private Task<int> ReplayWhereAsync(
        FilterDefinition<WebhookEventDocument> filter, string siteId, DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(
            async token => (int)(await _events.UpdateManyAsync(
                filter & Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.Status, DeliveryStatus.DeadLettered),
                Update.Set(d => d.Status, DeliveryStatus.Pending).Set(d => d.Attempts, 0).Set(d => d.DueAt, Stored(now))
                    .Set(d => d.FirstFailedAt, null).Set(d => d.FinishedAt, null).Set(d => d.LeaseUntil, DateTime.UnixEpoch).Set(d => d.LeaseOwner, null),
                cancellationToken: token).ConfigureAwait(false)).ModifiedCount,
            cancellationToken);

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _pipeline.ExecuteAsync(async token => await operation(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private static WebhookDelivery ToDelivery(WebhookEventDocument document) => new(
        new WebhookEvent(Guid.ParseExact(document.Id, "N"), document.SiteId, document.Subject, document.Type, Read(document.OccurredAt), document.Body),
        document.Status,
        document.Attempts,
        Read(document.DueAt),
        document.FirstFailedAt is { } first ? Read(first) : null,
        document.LastError,
        document.FinishedAt is { } finished ? Read(finished) : null);

    // BSON dates hold milliseconds; truncate on the way in so what is read back equals what was written.
    private static DateTime Stored(DateTimeOffset time) => DateTime.SpecifyKind(
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds()).UtcDateTime, DateTimeKind.Utc);

    private static DateTimeOffset Read(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static string Key(Guid id) => id.ToString("N");
}
