using Moderation.Storage.Activity;
using Moderation.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoAuthorStandingStore(MongoDatabaseContext context) : IAuthorStandingStore
{
    private readonly IMongoCollection<AuthorStandingDocument> _standings =
        context.Database.GetCollection<AuthorStandingDocument>("author_standing");

    // Replaces only an older standing; when a newer one is stored the filter misses, the upsert's insert hits the
    // existing _id, and the duplicate key says "not applied".
    public Task<bool> ApplyAsync(AuthorStandingRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = AuthorStandingDocument.From(record);
        return context.RunAsync(
            async token =>
            {
                try
                {
                    var result = await _standings.ReplaceOneAsync(
                        Builders<AuthorStandingDocument>.Filter.Eq(d => d.Id, document.Id)
                            & Builders<AuthorStandingDocument>.Filter.Lt(d => d.ChangedAt, document.ChangedAt),
                        document,
                        new ReplaceOptions { IsUpsert = true },
                        token).ConfigureAwait(false);
                    return result.ModifiedCount == 1 || result.UpsertedId is not null;
                }
                catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
                {
                    return false;
                }
            },
            cancellationToken);
    }

    public Task<AuthorStandingRecord?> GetAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await _standings.Find(Builders<AuthorStandingDocument>.Filter.Eq(d => d.Id, AuthorStandingDocument.Key(siteId, authorId)))
                    .FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);
}
