using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoModeratorSessionStore(MongoDatabaseContext context) : IModeratorSessionStore
{
    private static readonly FilterDefinitionBuilder<ModeratorSessionDocument> Filter = Builders<ModeratorSessionDocument>.Filter;
    private static readonly UpdateDefinition<ModeratorSessionDocument> Revoke = Builders<ModeratorSessionDocument>.Update.Set(d => d.Revoked, true);

    private readonly IMongoCollection<ModeratorSessionDocument> _sessions =
        context.Database.GetCollection<ModeratorSessionDocument>(MongoReviewIndexes.SessionsCollection);

    public Task<bool> AddAsync(ModeratorSession session, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(_sessions, ModeratorSessionDocument.From(session), cancellationToken);

    public Task<ModeratorSession?> FindAsync(string keyHash, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await _sessions.Find(Filter.Eq(d => d.KeyHash, keyHash)).FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    public Task<bool> RevokeAsync(string keyHash, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await _sessions.UpdateOneAsync(
                    Filter.Eq(d => d.KeyHash, keyHash) & Filter.Eq(d => d.Revoked, false), Revoke, cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);

    public Task<long> RevokeAllAsync(string username, string? exceptKeyHash = null, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var filter = Filter.Eq(d => d.Username, username) & Filter.Eq(d => d.Revoked, false)
                    & Filter.Ne(d => d.KeyHash, exceptKeyHash ?? string.Empty);
                var result = await _sessions.UpdateManyAsync(filter, Revoke, cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount;
            },
            cancellationToken);
}
