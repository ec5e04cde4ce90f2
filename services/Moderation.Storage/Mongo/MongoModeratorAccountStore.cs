using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoModeratorAccountStore(MongoDatabaseContext context) : IModeratorAccountStore
{
    private static readonly FilterDefinitionBuilder<ModeratorAccountDocument> Filter = Builders<ModeratorAccountDocument>.Filter;

    private readonly IMongoCollection<ModeratorAccountDocument> _accounts =
        context.Database.GetCollection<ModeratorAccountDocument>(MongoReviewIndexes.AccountsCollection);

    public Task<bool> CreateAsync(ModeratorAccount account, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(_accounts, ModeratorAccountDocument.From(account), cancellationToken);

    public Task<ModeratorAccount?> GetAsync(string username, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await _accounts.Find(Filter.Eq(d => d.Username, username)).FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    public Task<IReadOnlyList<ModeratorAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        context.RunAsync<IReadOnlyList<ModeratorAccount>>(
            async token =>
            {
                var documents = await _accounts.Find(Filter.Empty)
                    .Sort(Builders<ModeratorAccountDocument>.Sort.Ascending(d => d.Username))
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        context.RunAsync(token => _accounts.CountDocumentsAsync(Filter.Empty, cancellationToken: token), cancellationToken);

    public Task<bool> UpdateAsync(
        string username, ModeratorRole role, IReadOnlyList<string> sites, bool disabled, CancellationToken cancellationToken = default) =>
        UpdateOneAsync(
            username,
            Builders<ModeratorAccountDocument>.Update.Set(d => d.Role, role).Set(d => d.Sites, [.. sites]).Set(d => d.Disabled, disabled),
            cancellationToken);

    public Task<bool> SetPasswordHashAsync(string username, string passwordHash, CancellationToken cancellationToken = default) =>
        UpdateOneAsync(username, Builders<ModeratorAccountDocument>.Update.Set(d => d.PasswordHash, passwordHash), cancellationToken);

    // MatchedCount, not ModifiedCount: writing the values an account already has is still a success.
    private Task<bool> UpdateOneAsync(
        string username, UpdateDefinition<ModeratorAccountDocument> update, CancellationToken cancellationToken) =>
        context.RunAsync(
            async token =>
            {
                var result = await _accounts.UpdateOneAsync(Filter.Eq(d => d.Username, username), update, cancellationToken: token)
                    .ConfigureAwait(false);
                return result.MatchedCount == 1;
            },
            cancellationToken);
}
