using MongoDB.Bson;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

/// <summary>The server's query plan for a find, so tests can check which index serves a store's hot read.</summary>
internal static class MongoExplain
{
    public static Task<BsonDocument> FindAsync<TDocument>(
        IMongoDatabase database,
        IMongoCollection<TDocument> collection,
        FilterDefinition<TDocument> filter,
        SortDefinition<TDocument> sort,
        int limit,
        string? hint,
        CancellationToken cancellationToken)
    {
        var args = new RenderArgs<TDocument>(collection.DocumentSerializer, collection.Settings.SerializerRegistry);
        var find = new BsonDocument
        {
            { "find", collection.CollectionNamespace.CollectionName },
            { "filter", filter.Render(args) },
            { "sort", sort.Render(args) },
            { "limit", limit },
        };
        if (hint is not null)
        {
            find.Add("hint", hint);
        }

        return database.RunCommandAsync<BsonDocument>(
            new BsonDocument { { "explain", find }, { "verbosity", "queryPlanner" } }, cancellationToken: cancellationToken);
    }
}
