using Moderation.Storage.Activity;
using Moderation.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoAuthorActivityStore(MongoDatabaseContext context) : IAuthorActivityStore
{
    private static readonly FilterDefinitionBuilder<AuthorActivityDocument> Filter = Builders<AuthorActivityDocument>.Filter;

    public Task RecordAsync(AuthorActivity activity, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(context.AuthorActivity, AuthorActivityDocument.From(activity), cancellationToken);

    public Task<IReadOnlyList<AuthorActivity>> ListAsync(
        string siteId, string authorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        context.RunAsync<IReadOnlyList<AuthorActivity>>(
            async token =>
            {
                var documents = await context.AuthorActivity
                    .Find(Filter.Eq(d => d.SiteId, siteId)
                        & Filter.Eq(d => d.AuthorId, authorId)
                        & Filter.Gte(d => d.SubmittedAt, StoredTime.ToUtcDateTime(from))
                        & Filter.Lte(d => d.SubmittedAt, StoredTime.ToUtcDateTime(to)))
                    .Sort(Builders<AuthorActivityDocument>.Sort.Ascending(d => d.SubmittedAt).Ascending(d => d.Id))
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);

    public Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.AuthorActivity
                    .DeleteManyAsync(Filter.Lt(d => d.SubmittedAt, StoredTime.ToUtcDateTime(before)), token)
                    .ConfigureAwait(false);
                return result.DeletedCount;
            },
            cancellationToken);
}
