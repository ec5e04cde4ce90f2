using MongoDB.Driver;

namespace Moderation.Review.Tests.Infrastructure;

/// <summary>
/// The composed host on MongoDB (<c>MONGODB_URI</c>: a real server, or the emulator <c>tools/test.sh</c> starts), in a
/// database of its own that it drops at the end. Without <c>MONGODB_URI</c> it does not start and its tests skip, except
/// under CI (<c>CI=true</c>), where they fail.
/// </summary>
public sealed class MongoReviewHost : ReviewHost
{
    public const string SkipReason = "MongoDB not reachable: set MONGODB_URI (tools/test.sh starts the emulator)";

    private readonly string _database = $"moderation_review_{Guid.NewGuid():N}";

    private static string? Uri => Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri ? uri : null;

    /// <summary>Skips the calling test without a MongoDB, or fails it under CI.</summary>
    public void RequireServer()
    {
        if (Uri is null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{SkipReason}. CI=true: the MongoDB tests must run.");
        }

        Skip.If(!IsRunning, SkipReason);
    }

    protected override Dictionary<string, string?>? Configure(Dictionary<string, string?> settings)
    {
        if (Uri is not { } uri)
        {
            return null;
        }

        settings["Storage:Provider"] = "MongoDb";
        settings["Storage:MongoDb:ConnectionString"] = uri;
        settings["Storage:MongoDb:Database"] = _database;
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Uri is { } uri)
        {
            using var client = new MongoClient(uri);
            await client.DropDatabaseAsync(_database);
        }
    }
}
