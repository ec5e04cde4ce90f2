using MongoDB.Bson;
using MongoDB.Driver;

namespace Moderation.Webhooks.Tests.Erasure;

/// <summary>Every service on the MongoDB that <c>MONGODB_URI</c> names (a real server or the emulator), in one database.</summary>
public sealed class MongoErasureHost : ErasureHost
{
    private readonly string? _uri = Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri ? uri : null;
    private readonly string _database = $"moderation_erasure_{Guid.NewGuid():N}";

    public override string? SkipReason => _uri is null ? "MongoDB not reachable: set MONGODB_URI (tools/test.sh starts the emulator)" : null;

    protected override void AddStorage(Dictionary<string, string?> settings)
    {
        settings["Storage:Provider"] = "MongoDb";
        settings["Storage:MongoDb:ConnectionString"] = _uri;
        settings["Storage:MongoDb:Database"] = _database;
    }

    public override async Task<IReadOnlyList<string>> FindAsync(string text)
    {
        var found = new List<string>();
        using var client = new MongoClient(_uri);
        var database = client.GetDatabase(_database);
        var collections = await (await database.ListCollectionNamesAsync()).ToListAsync();
        Assert.Contains("webhook_events", collections);
        Assert.Contains("review_audit", collections);
        foreach (var name in collections)
        {
            foreach (var document in await database.GetCollection<BsonDocument>(name).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync())
            {
                var json = document.ToJson();
                if (json.Contains(text, StringComparison.Ordinal))
                {
                    found.Add($"{name}: {json}");
                }
            }
        }

        return found;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_uri is not null)
        {
            using var client = new MongoClient(_uri);
            await client.DropDatabaseAsync(_database);
        }
    }
}
