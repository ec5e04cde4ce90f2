using Moderation.Storage.Comments;
using Moderation.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoIdempotencyStore(MongoDatabaseContext context) : IIdempotencyStore
{
    private static readonly FilterDefinitionBuilder<IdempotencyDocument> Filter = Builders<IdempotencyDocument>.Filter;

    public Task<IdempotencyRecord> GetOrAddAsync(IdempotencyRecord candidate, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var filter = KeyFilter(candidate.SiteId, candidate.Key);

                // SiteId and Key come from the equality filter on insert; $setOnInsert leaves an existing record untouched.
                var update = Builders<IdempotencyDocument>.Update
                    .SetOnInsert(d => d.RequestHash, candidate.RequestHash)
                    .SetOnInsert(d => d.CommentId, candidate.CommentId)
                    .SetOnInsert(d => d.CreatedAt, StoredTime.ToUtcDateTime(candidate.CreatedAt))
                    .SetOnInsert(d => d.Published, candidate.Published);
                try
                {
                    var stored = await context.Idempotency.FindOneAndUpdateAsync(
                        filter,
                        update,
                        new FindOneAndUpdateOptions<IdempotencyDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
                        token).ConfigureAwait(false);
                    return stored.ToRecord();
                }
                catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
                {
                    // Two upserts raced and the unique index refused the loser: the winner's record is the answer.
                    var stored = await context.Idempotency.Find(filter).FirstAsync(token).ConfigureAwait(false);
                    return stored.ToRecord();
                }
            },
            cancellationToken);

    public Task MarkPublishedAsync(string siteId, string key, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            token => context.Idempotency.UpdateOneAsync(
                KeyFilter(siteId, key),
                Builders<IdempotencyDocument>.Update.Set(d => d.Published, true),
                cancellationToken: token),
            cancellationToken);

    private static FilterDefinition<IdempotencyDocument> KeyFilter(string siteId, string key) =>
        Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.Key, key);
}
