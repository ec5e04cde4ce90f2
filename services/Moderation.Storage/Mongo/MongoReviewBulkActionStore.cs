using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoReviewBulkActionStore(MongoDatabaseContext context) : IReviewBulkActionStore
{
    private static readonly FilterDefinitionBuilder<ReviewBulkActionDocument> Filter = Builders<ReviewBulkActionDocument>.Filter;
    private static readonly ProjectionDefinition<ReviewBulkActionDocument> WithoutIds = Builders<ReviewBulkActionDocument>.Projection.Exclude(d => d.Ids);

    private readonly IMongoCollection<ReviewBulkActionDocument> _actions =
        context.Database.GetCollection<ReviewBulkActionDocument>(MongoReviewIndexes.BulkActionsCollection);

    public Task AddAsync(ReviewBulkAction action, IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(
            _actions,
            new ReviewBulkActionDocument
            {
                Id = action.Id,
                SiteId = action.SiteId,
                Moderator = action.Moderator,
                Action = action.Action,
                Count = action.Count,
                Ids = [.. ids],
                CreatedAt = StoredTime.ToUtcDateTime(action.CreatedAt),
                UndoUntil = StoredTime.ToUtcDateTime(action.UndoUntil),
            },
            cancellationToken);

    public Task<ReviewBulkAction?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await _actions.Find(Filter.Eq(d => d.Id, id)).Project<ReviewBulkActionDocument>(WithoutIds)
                    .FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    public Task<IReadOnlyList<Guid>> GetIdsAsync(Guid id, CancellationToken cancellationToken = default) =>
        context.RunAsync<IReadOnlyList<Guid>>(
            async token =>
            {
                var document = await _actions.Find(Filter.Eq(d => d.Id, id)).FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.Ids ?? [];
            },
            cancellationToken);

    public Task<IReadOnlyList<ReviewBulkAction>> ListOpenAsync(string siteId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return context.RunAsync<IReadOnlyList<ReviewBulkAction>>(
            async token =>
            {
                var documents = await _actions
                    .Find(Filter.Eq(d => d.SiteId, siteId) & Filter.Gt(d => d.UndoUntil, StoredTime.ToUtcDateTime(now)) & Filter.Eq(d => d.UndoneAt, null))
                    .Project<ReviewBulkActionDocument>(WithoutIds)
                    .Sort(Builders<ReviewBulkActionDocument>.Sort.Descending(d => d.CreatedAt).Descending(d => d.Id))
                    .Limit(limit)
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);
    }

    public Task<bool> MarkUndoneAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await _actions.UpdateOneAsync(
                    Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.UndoneAt, null),
                    Builders<ReviewBulkActionDocument>.Update.Set(d => d.UndoneAt, StoredTime.ToUtcDateTime(at)),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await _actions.DeleteManyAsync(Filter.Lt(d => d.UndoUntil, StoredTime.ToUtcDateTime(before)), token).ConfigureAwait(false);
                return (int)result.DeletedCount;
            },
            cancellationToken);
}
