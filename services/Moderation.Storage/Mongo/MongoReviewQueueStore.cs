using Moderation.Contracts;
using Moderation.Storage.Mongo.Documents;
using System.Text.RegularExpressions;
using Moderation.Storage.Review;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoReviewQueueStore(MongoDatabaseContext context) : IReviewQueueStore
{
    private static readonly FilterDefinitionBuilder<ReviewItemDocument> Filter = Builders<ReviewItemDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ReviewItemDocument> Update = Builders<ReviewItemDocument>.Update;

    public Task<bool> WithdrawAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token => (await context.ReviewQueue.DeleteOneAsync(
                Filter.Eq(d => d.Id, commentId) & Filter.Eq(d => d.Status, ReviewItemStatus.Pending), token).ConfigureAwait(false)).DeletedCount == 1,
            cancellationToken);

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

    public Task<long> CountMatchingAsync(ReviewQueueQuery query, CancellationToken cancellationToken = default)
    {
        query.EnsureValid();
        return context.RunAsync(token => context.ReviewQueue.CountDocumentsAsync(Matching(query), cancellationToken: token), cancellationToken);
    }

    public Task<ReviewQueueCounts> CountPendingByAsync(string siteId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var pending = new BsonDocument { ["SiteId"] = siteId, ["Status"] = nameof(ReviewItemStatus.Pending) };
                BsonDocument[] stages =
                [
                    new BsonDocument("$match", pending),
                    new BsonDocument("$group", new BsonDocument { ["_id"] = BsonNull.Value, ["n"] = new BsonDocument("$sum", 1), ["oldest"] = new BsonDocument("$min", "$QueuedAt") }),
                ];
                var totals = await context.ReviewQueue.Aggregate<BsonDocument>(
                    stages,
                    cancellationToken: token).FirstOrDefaultAsync(token).ConfigureAwait(false);
                return new ReviewQueueCounts(
                    totals is null ? 0 : totals["n"].ToInt64(),
                    totals is null ? null : StoredTime.FromUtcDateTime(totals["oldest"].ToUniversalTime()),
                    await CountHitsAsync(pending, "$Decision.Hits.Category", token).ConfigureAwait(false),
                    await CountHitsAsync(pending, "$Decision.Hits.Rule", token).ConfigureAwait(false),
                    await CountAsync(
                        [
                            new BsonDocument("$match", pending),
                            new BsonDocument("$group", new BsonDocument { ["_id"] = "$Comment.ArticleId", ["n"] = new BsonDocument("$sum", 1) }),
                        ],
                        ReviewQueueCounts.MaxArticles,
                        token).ConfigureAwait(false));
            },
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

    public Task<bool> RedecideAsync(
        Guid commentId,
        ReviewItemStatus status,
        ModeratorDecision review,
        long expectedSequence,
        ReviewAuditEntry audit,
        CancellationToken cancellationToken = default)
    {
        ReviewDecisions.EnsureDecided(status);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(audit);

        // Documents written before decisions were numbered hold a first decision without a Sequence.
        var sequence = Filter.Eq("Review.Sequence", expectedSequence);
        if (expectedSequence == 1)
        {
            sequence |= Filter.Exists("Review.Sequence", false);
        }

        return context.RunAsync(
            async token =>
            {
                var result = await context.ReviewQueue.UpdateOneAsync(
                    Filter.Eq(d => d.Id, commentId)
                        & Filter.Ne(d => d.Status, ReviewItemStatus.Pending)
                        & Filter.Ne(d => d.DecisionUnsent, true)
                        & sequence,
                    Update
                        .Set(d => d.Status, status)
                        .Set(d => d.Review, ModeratorDecisionDocument.From(review))
                        .Set(d => d.DecisionUnsent, true)
                        .Set(d => d.Audit, ReviewAuditDocument.From(audit)),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewItem>> QueryDecidedAsync(
        string siteId, ReviewItemStatus? outcome, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        // Review.DecidedAt exists on decided items only: the condition of the SiteId_Review.DecidedAt_decided index.
        var filter = Filter.Eq(d => d.SiteId, siteId) & Filter.Exists("Review.DecidedAt") & Filter.Ne(d => d.Status, ReviewItemStatus.Pending);
        if (outcome is { } wanted)
        {
            filter &= Filter.Eq(d => d.Status, wanted);
        }

        return context.RunAsync<IReadOnlyList<ReviewItem>>(
            async token =>
            {
                var documents = await context.ReviewQueue.Find(filter)
                    .Sort(Builders<ReviewItemDocument>.Sort.Descending("Review.DecidedAt").Descending(d => d.Id))
                    .Skip(offset)
                    .Limit(limit)
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
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

    /// <summary>
    /// The server's query plan for what <see cref="ClaimNextAsync"/> and the pending list read, so a test can check that
    /// the pending-only index serves the filter and, oldest or newest first, the order.
    /// </summary>
    internal Task<BsonDocument> ExplainClaimNextAsync(ReviewQueueQuery query, DateTimeOffset now, CancellationToken cancellationToken) =>
        MongoExplain.FindAsync(
            context.Database, context.ReviewQueue, Matching(query) & Unleased(now), Order(query.Order), 1, null, cancellationToken);

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

    // An item counts once per key however many of its hits share it: grouped by (key, item) first, then by key.
    private Task<IReadOnlyList<ReviewQueueCount>> CountHitsAsync(BsonDocument pending, string key, CancellationToken token) =>
        CountAsync(
            [
                new BsonDocument("$match", pending),
                new BsonDocument("$unwind", "$Decision.Hits"),
                new BsonDocument("$group", new BsonDocument("_id", new BsonDocument { ["k"] = key, ["id"] = "$_id" })),
                new BsonDocument("$group", new BsonDocument { ["_id"] = "$_id.k", ["n"] = new BsonDocument("$sum", 1) }),
            ],
            int.MaxValue,
            token);

    private async Task<IReadOnlyList<ReviewQueueCount>> CountAsync(BsonDocument[] stages, int limit, CancellationToken token)
    {
        var groups = await context.ReviewQueue.Aggregate<BsonDocument>(stages, cancellationToken: token).ToListAsync(token).ConfigureAwait(false);
        return [.. groups
            .Select(group => new ReviewQueueCount(group["_id"].IsString ? group["_id"].AsString : "", group["n"].ToInt64()))
            .OrderByDescending(count => count.Count)
            .ThenBy(count => count.Key, StringComparer.Ordinal)
            .Take(limit)];
    }

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

        if (query.Rule is not null)
        {
            filter &= Filter.ElemMatch(d => d.Decision.Hits, hit => hit.Rule == query.Rule);
        }

        if (query.Text is not null)
        {
            // Escaped: the moderator's text is matched literally, never run as a pattern.
            var text = new BsonRegularExpression(Regex.Escape(query.Text), "i");
            filter &= Filter.Regex(d => d.Comment.Body, text) | Filter.Regex(d => d.Comment.AuthorName, text);
        }

        return filter;
    }

    private static SortDefinition<ReviewItemDocument> Order(ReviewQueueOrder order)
    {
        var sort = Builders<ReviewItemDocument>.Sort;
        return order switch
        {
            ReviewQueueOrder.HighestScoreFirst => sort.Descending(d => d.Decision.Score).Ascending(d => d.QueuedAt).Ascending(d => d.Id),
            ReviewQueueOrder.NewestFirst => sort.Descending(d => d.QueuedAt).Descending(d => d.Id),
            _ => sort.Ascending(d => d.QueuedAt).Ascending(d => d.Id),
        };
    }
}
