using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoModeratorTokenStore(MongoDatabaseContext context) : IModeratorTokenStore
{
    private static readonly FilterDefinitionBuilder<ModeratorTokenDocument> Filter = Builders<ModeratorTokenDocument>.Filter;

    private readonly IMongoCollection<ModeratorTokenDocument> _tokens =
        context.Database.GetCollection<ModeratorTokenDocument>(MongoReviewIndexes.TokensCollection);

    public Task<bool> AddAsync(ModeratorToken token, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(_tokens, ModeratorTokenDocument.From(token), cancellationToken);

    public Task<ModeratorToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await _tokens.Find(Filter.Eq(d => d.TokenHash, tokenHash)).FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    public Task<IReadOnlyList<ModeratorToken>> ListAsync(string username, CancellationToken cancellationToken = default) =>
        context.RunAsync<IReadOnlyList<ModeratorToken>>(
            async token =>
            {
                var documents = await _tokens.Find(Filter.Eq(d => d.Username, username))
                    .Sort(Builders<ModeratorTokenDocument>.Sort.Ascending(d => d.CreatedAt).Ascending(d => d.Id))
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);

    public Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await _tokens.UpdateOneAsync(
                    Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Revoked, false),
                    Builders<ModeratorTokenDocument>.Update.Set(d => d.Revoked, true),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);
}
