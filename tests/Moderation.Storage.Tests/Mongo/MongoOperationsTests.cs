using Moderation.Storage.Mongo;
using Moderation.Storage.Publishing;
using Moderation.Storage.Tests.Fixtures;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Moderation.Storage.Tests.Mongo;

/// <summary>What an operator meets on a live MongoDB: rolling upgrades, changed settings, lost indexes.</summary>
[Collection(MongoServerCollection.Name)]
public sealed class MongoOperationsTests(MongoServerFixture server)
{
    private IMongoDatabase Database
    {
        get
        {
            server.RequireServer();
            return new MongoClient(server.ConnectionString).GetDatabase(server.DatabaseName);
        }
    }

    [SkippableFact]
    public async Task A_field_a_newer_version_added_is_ignored_on_read()
    {
        await using var stores = await server.CreateStoresAsync();
        var site = TestData.NewSite();
        var comment = TestData.Published(site, "article-1", TestData.BaseTime);
        await stores.ArticleComments.AddAsync(comment);

        await Database.GetCollection<BsonDocument>("article_comments").UpdateOneAsync(
            new BsonDocument("_id", new BsonBinaryData(comment.Id, GuidRepresentation.Standard)),
            new BsonDocument("$set", new BsonDocument { { "EditedAt", DateTime.UtcNow }, { "Reactions", new BsonDocument("like", 3) } }));

        Assert.Equal(comment, await stores.ArticleComments.GetAsync(comment.Id));
        var page = await stores.ArticleComments.ListAsync(site, "article-1", CommentOrder.OldestFirst, 10, null);
        Assert.Equal([comment], page.Items);
    }

    [SkippableFact]
    public async Task A_changed_activity_retention_is_applied_at_start_instead_of_failing_it()
    {
        server.SkipOnEmulator("index-option conflicts (error 85) and collMod");
        var database = $"moderation_retention_{Guid.NewGuid():N}";
        var options = new MongoStorageOptions { ConnectionString = server.ConnectionString, Database = database, ActivityRetention = TimeSpan.FromDays(7) };
        await using (await ModerationStores.OpenMongoAsync(options, [StoreOwner.Worker]))
        {
        }

        options.ActivityRetention = TimeSpan.FromDays(2);
        await using (await ModerationStores.OpenMongoAsync(options, [StoreOwner.Worker]))
        {
        }

        var client = new MongoClient(server.ConnectionString);
        var indexes = await (await client.GetDatabase(database).GetCollection<BsonDocument>("author_activity").Indexes.ListAsync()).ToListAsync();
        var ttl = Assert.Single(indexes, index => index["name"] == MongoDatabaseContext.ActivityTtlIndex);
        Assert.Equal(TimeSpan.FromDays(2).TotalSeconds, ttl["expireAfterSeconds"].ToDouble());
        await client.DropDatabaseAsync(database);
    }

    [SkippableFact]
    public async Task A_read_whose_hinted_index_was_dropped_is_answered_and_the_index_rebuilt()
    {
        server.SkipOnEmulator("query hints (it ignores them)");
        var database = $"moderation_hint_{Guid.NewGuid():N}";
        var options = new MongoStorageOptions { ConnectionString = server.ConnectionString, Database = database };
        await using var stores = await ModerationStores.OpenMongoAsync(options, [StoreOwner.Publishing]);
        var comment = TestData.Published("site-1", "article-1", TestData.BaseTime);
        await stores.ArticleComments.AddAsync(comment);
        var client = new MongoClient(server.ConnectionString);
        var collection = client.GetDatabase(database).GetCollection<BsonDocument>("article_comments");

        await collection.Indexes.DropOneAsync(MongoDatabaseContext.ArticleReadIndex);

        var page = await stores.ArticleComments.ListAsync("site-1", "article-1", CommentOrder.OldestFirst, 10, null);
        Assert.Equal([comment], page.Items);
        var rebuilt = false;
        for (var attempt = 0; attempt < 100 && !rebuilt; attempt++)
        {
            var names = (await (await collection.Indexes.ListAsync()).ToListAsync()).Select(index => index["name"].AsString);
            rebuilt = names.Contains(MongoDatabaseContext.ArticleReadIndex);
            await Task.Delay(100);
        }

        Assert.True(rebuilt, "the read index was not rebuilt within 10 s");
        await client.DropDatabaseAsync(database);
    }
}
