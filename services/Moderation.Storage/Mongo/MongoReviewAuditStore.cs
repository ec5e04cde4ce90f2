using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoReviewAuditStore(MongoDatabaseContext context) : IReviewAuditStore
{
    private static readonly FilterDefinitionBuilder<ReviewAuditDocument> Filter = Builders<ReviewAuditDocument>.Filter;

    private readonly IMongoCollection<ReviewAuditDocument> _audit =
        context.Database.GetCollection<ReviewAuditDocument>(MongoReviewIndexes.AuditCollection);

    public Task<bool> AppendAsync(ReviewAuditEntry entry, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(_audit, ReviewAuditDocument.From(entry), cancellationToken);

    public Task<ReviewAuditPage> QueryAsync(ReviewAuditQuery query, CancellationToken cancellationToken = default)
    {
        query.EnsureValid();
        var filter = Filter.In(d => d.SiteId, query.SiteIds);
        if (query.Moderator is not null)
        {
            filter &= Filter.Eq(d => d.Moderator, query.Moderator);
        }

        if (query.AuthorId is not null)
        {
            filter &= Filter.Eq(d => d.AuthorId, query.AuthorId);
        }

        if (query.From is { } from)
        {
            filter &= Filter.Gte(d => d.At, StoredTime.ToUtcDateTime(from));
        }

        if (query.To is { } to)
        {
            filter &= Filter.Lt(d => d.At, StoredTime.ToUtcDateTime(to));
        }

        if (query.Before is { } before)
        {
            var at = StoredTime.ToUtcDateTime(before.At);
            filter &= Filter.Lt(d => d.At, at) | (Filter.Eq(d => d.At, at) & Filter.Lt(d => d.Id, before.Id));
        }

        return context.RunAsync(
            async token =>
            {
                var documents = await _audit.Find(filter)
                    .Sort(Builders<ReviewAuditDocument>.Sort.Descending(d => d.At).Descending(d => d.Id))
                    .Limit(query.Limit + 1)
                    .ToListAsync(token).ConfigureAwait(false);
                return ReviewAuditPages.FromFetched([.. documents.Select(d => d.ToRecord())], query.Limit);
            },
            cancellationToken);
    }
}
