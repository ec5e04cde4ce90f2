using Moderation.Contracts;
using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoReviewQueueStore(MongoDatabaseContext context) : IReviewQueueStore
{
    private static readonly FilterDefinitionBuilder<ReviewItemDocument> Filter = Builders<ReviewItemDocument>.Filter;

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

    public Task<IReadOnlyList<ReviewItem>> ListPendingAsync(string siteId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return context.RunAsync<IReadOnlyList<ReviewItem>>(
            async token =>
            {
                var documents = await context.ReviewQueue
                    .Find(Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.Status, ReviewItemStatus.Pending))
                    .Sort(Builders<ReviewItemDocument>.Sort.Ascending(d => d.QueuedAt).Ascending(d => d.Id))
                    .Limit(limit)
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);
    }

    public Task<bool> DecideAsync(
        Guid commentId, ReviewItemStatus status, ModeratorDecision review, CancellationToken cancellationToken = default)
    {
        ReviewDecisions.EnsureDecided(status);
        return context.RunAsync(
            async token =>
            {
                var result = await context.ReviewQueue.UpdateOneAsync(
                    Filter.Eq(d => d.Id, commentId) & Filter.Eq(d => d.Status, ReviewItemStatus.Pending),
                    Builders<ReviewItemDocument>.Update
                        .Set(d => d.Status, status)
                        .Set(d => d.Review, ModeratorDecisionDocument.From(review)),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);
    }
}
