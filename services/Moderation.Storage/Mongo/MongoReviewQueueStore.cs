using Moderation.Contracts;
using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoReviewQueueStore(MongoDatabaseContext context) : IReviewQueueStore
{
    private static readonly FilterDefinitionBuilder<ReviewItemDocument> Filter = Builders<ReviewItemDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ReviewItemDocument> Update = Builders<ReviewItemDocument>.Update;

    public Task<bool> AddAsync(ReviewItem item, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(context.ReviewQueue, ReviewItemDocument.From(item), cancellationToken);

    public Task<ReviewItem?> GetAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await context.ReviewQueue.Find(Filter.Eq(d => d.Id, commentId))
                    .FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    public async Task<bool> RecordReportsAsync(ReviewItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfLessThan(item.Reports, 1);
        if (await context.TryInsertAsync(context.ReviewQueue, ReviewItemDocument.From(item with { Status = ReviewItemStatus.Pending }), cancellationToken)
                .ConfigureAwait(false))
        {
            return true;
        }

        return await context.RunAsync(
            async token =>
            {
                var result = await context.ReviewQueue.UpdateOneAsync(
                    Filter.Eq(d => d.Id, item.Comment.Id)
                        & Filter.Eq(d => d.Status, ReviewItemStatus.Pending)
                        & (Filter.Lt(d => d.Reports, item.Reports) | Filter.Exists(d => d.Reports, false)),
                    Update.Set(d => d.Reports, item.Reports),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<ReviewItem>> ListPendingAsync(string siteId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return QueryPendingAsync(new ReviewQueueQuery(siteId, Limit: Math.Min(limit, ReviewQueueQuery.MaxLimit)), cancellationToken);
    }

    public Task<IReadOnlyList<ReviewItem>> QueryPendingAsync(ReviewQueueQuery query, CancellationToken cancellationToken = default)
    {
        query.EnsureValid();
        return context.RunAsync<IReadOnlyList<ReviewItem>>(
            async token =>
            {
                var documents = await context.ReviewQueue.Find(Matching(query))
                    .Sort(Order(query.Order))
                    .Skip(query.Offset)
                    .Limit(query.Limit)
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);
    }

    public Task<long> CountPendingAsync(string siteId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            token => context.ReviewQueue.CountDocumentsAsync(
                Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.Status, ReviewItemStatus.Pending), cancellationToken: token),
            cancellationToken);

    // One updateOne on one document: the status, the lease condition and the outbox flag change together or not at all.
    public Task<bool> DecideAsync(
        Guid commentId,
        ReviewItemStatus status,
        ModeratorDecision review,
        DateTimeOffset now,
        ReviewAuditEntry? audit = null,
        CancellationToken cancellationToken = default)
    {
        ReviewDecisions.EnsureDecided(status);
        ArgumentNullException.ThrowIfNull(review);
        return context.RunAsync(
            async token =>
            {
                var result = await context.ReviewQueue.UpdateOneAsync(
                    Filter.Eq(d => d.Id, commentId)
                        & Filter.Eq(d => d.Status, ReviewItemStatus.Pending)
                        & (Unleased(now) | Filter.Eq(d => d.LeasedBy, review.ModeratorId)),
                    Update
                        .Set(d => d.Status, status)
                        .Set(d => d.Review, ModeratorDecisionDocument.From(review))
                        .Set(d => d.LeasedBy, null)
                        .Set(d => d.LeaseExpiresAt, null)
                        .Set(d => d.DecisionUnsent, true)
                        .Set(d => d.Audit, audit is null ? null : ReviewAuditDocument.From(audit)),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewItem>> ListUnsentDecisionsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return context.RunAsync<IReadOnlyList<ReviewItem>>(
            async token =>
            {
                var documents = await context.ReviewQueue.Find(Filter.Eq(d => d.DecisionUnsent, true))
                    .Sort(Builders<ReviewItemDocument>.Sort.Ascending(d => d.Review!.DecidedAt).Ascending(d => d.Id))
                    .Limit(limit)
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);
    }

    public Task<long> PruneDecidedAsync(DateTimeOffset decidedBefore, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.ReviewQueue.DeleteManyAsync(
                    Filter.Ne(d => d.Status, ReviewItemStatus.Pending)
                        & Filter.Ne(d => d.DecisionUnsent, true)
                        & Filter.Lt(d => d.Review!.DecidedAt, StoredTime.ToUtcDateTime(decidedBefore)),
                    token).ConfigureAwait(false);
                return result.DeletedCount;
            },
            cancellationToken);

    public Task<bool> MarkDecisionSentAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.ReviewQueue.UpdateOneAsync(
                    Filter.Eq(d => d.Id, commentId) & Filter.Eq(d => d.DecisionUnsent, true),
                    Update.Set(d => d.DecisionUnsent, false),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);

    // findAndModify matches and writes one document atomically; a concurrent claim that changed it first makes the
    // server re-evaluate the filter, so two moderators never both get the same item.
    public Task<ReviewItem?> ClaimNextAsync(
        ReviewQueueQuery query, string moderator, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        query.EnsureValid();
        ReviewLeases.EnsureValid(moderator, leaseFor);
        return LeaseAsync(Matching(query) & Unleased(now), Order(query.Order), moderator, now, leaseFor, cancellationToken);
    }

    public Task<ReviewItem?> ClaimAsync(
        Guid commentId, string moderator, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        ReviewLeases.EnsureValid(moderator, leaseFor);
        var filter = Filter.Eq(d => d.Id, commentId)
            & Filter.Eq(d => d.Status, ReviewItemStatus.Pending)
            & (Unleased(now) | Filter.Eq(d => d.LeasedBy, moderator));
        return LeaseAsync(filter, null, moderator, now, leaseFor, cancellationToken);
    }

    public Task<bool> ReleaseAsync(Guid commentId, string moderator, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.ReviewQueue.UpdateOneAsync(
                    Filter.Eq(d => d.Id, commentId) & Filter.Eq(d => d.LeasedBy, moderator),
                    Update.Set(d => d.LeasedBy, null).Set(d => d.LeaseExpiresAt, null),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);

    public Task<long> ReleaseOthersAsync(string moderator, Guid keep, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.ReviewQueue.UpdateManyAsync(
                    Filter.Eq(d => d.LeasedBy, moderator) & Filter.Ne(d => d.Id, keep),
                    Update.Set(d => d.LeasedBy, null).Set(d => d.LeaseExpiresAt, null),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount;
            },
            cancellationToken);

    private Task<ReviewItem?> LeaseAsync(
        FilterDefinition<ReviewItemDocument> filter,
        SortDefinition<ReviewItemDocument>? sort,
        string moderator,
        DateTimeOffset now,
        TimeSpan leaseFor,
        CancellationToken cancellationToken) =>
        context.RunAsync(
            async token =>
            {
                var document = await context.ReviewQueue.FindOneAndUpdateAsync(
                    filter,
                    Update.Set(d => d.LeasedBy, moderator).Set(d => d.LeaseExpiresAt, StoredTime.ToUtcDateTime(now + leaseFor)),
                    new FindOneAndUpdateOptions<ReviewItemDocument> { Sort = sort, ReturnDocument = ReturnDocument.After },
                    token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    private static FilterDefinition<ReviewItemDocument> Unleased(DateTimeOffset now) =>
        Filter.Eq(d => d.LeaseExpiresAt, null) | Filter.Lte(d => d.LeaseExpiresAt, StoredTime.ToUtcDateTime(now));

    private static FilterDefinition<ReviewItemDocument> Matching(ReviewQueueQuery query)
    {
        var filter = Filter.Eq(d => d.SiteId, query.SiteId) & Filter.Eq(d => d.Status, ReviewItemStatus.Pending);
        if (query.Reported is { } reported)
        {
            filter &= reported
                ? Filter.Gt(d => d.Reports, 0)
                : Filter.Eq(d => d.Reports, 0) | Filter.Exists(d => d.Reports, false);
        }

        if (query.ArticleId is not null)
        {
            filter &= Filter.Eq(d => d.Comment.ArticleId, query.ArticleId);
        }

        if (query.AuthorId is not null)
        {
            filter &= Filter.Eq(d => d.Comment.AuthorId, query.AuthorId);
        }

        if (query.Category is not null)
        {
            filter &= Filter.ElemMatch(d => d.Decision.Hits, hit => hit.Category == query.Category);
        }

        return filter;
    }

    private static SortDefinition<ReviewItemDocument> Order(ReviewQueueOrder order)
    {
        var sort = Builders<ReviewItemDocument>.Sort;
        return order == ReviewQueueOrder.HighestScoreFirst
            ? sort.Descending(d => d.Decision.Score).Ascending(d => d.QueuedAt).Ascending(d => d.Id)
            : sort.Ascending(d => d.QueuedAt).Ascending(d => d.Id);
    }
}
