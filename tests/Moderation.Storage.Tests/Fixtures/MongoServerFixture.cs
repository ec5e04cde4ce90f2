using MongoDB.Bson;
using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace Moderation.Storage.Tests.Fixtures;

/// <summary>
/// A MongoDB server for the whole run: <c>MONGODB_URI</c> when set, else a Testcontainers server when Docker is
/// available, else none: the MongoDB tests then report themselves skipped, except under CI (<c>CI=true</c>), where a
/// missing MongoDB fails them. Each run uses its own database and drops it. <c>tools/test.sh</c> sets <c>MONGODB_URI</c> to
/// the wire-protocol emulator when neither is available; <see cref="LacksQueryPlans"/> tells the few tests it cannot serve.
/// </summary>
public sealed class MongoServerFixture : IAsyncLifetime
{
    public const string SkipReason = "MongoDB not reachable: set MONGODB_URI or run with Docker";

    public const string EmulatorSkipReason =
        "needs query plans (explain), which the MongoDB wire-protocol emulator lacks; runs against a real MongoDB";

    private MongoDbContainer? _container;

    public string? ConnectionString { get; private set; }

    public string DatabaseName { get; } = $"moderation_tests_{Guid.NewGuid():N}";

    /// <summary>True on a server without <c>explain</c> (the emulator): no query plans, no TTL, no index-option checks.</summary>
    public bool LacksQueryPlans { get; private set; }

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri ? uri : null;
        if (ConnectionString is null && DotNet.Testcontainers.Configurations.TestcontainersSettings.OS.DockerEndpointAuthConfig is not null)
        {
            _container = new MongoDbBuilder("mongo:8.0").Build();
            await _container.StartAsync();
            ConnectionString = _container.GetConnectionString();
        }

        if (ConnectionString is not null)
        {
            LacksQueryPlans = !await SupportsExplainAsync(ConnectionString);
        }
    }

    /// <summary>Skips the calling test on a server without query plans, naming why.</summary>
    public void SkipWithoutQueryPlans()
    {
        RequireServer();
        Skip.If(LacksQueryPlans, EmulatorSkipReason);
    }

    /// <summary>Skips the calling test when there is no server, or fails it under CI, where MongoDB is required.</summary>
    public void RequireServer()
    {
        if (ConnectionString is null && IsCi)
        {
            Assert.Fail($"{SkipReason}. CI=true: the MongoDB tests must run (tools/test.sh starts the emulator).");
        }

        Skip.If(ConnectionString is null, SkipReason);
    }

    /// <summary>Initialised stores on this run's database; skips the calling test when there is no server.</summary>
    public async Task<ModerationStores> CreateStoresAsync()
    {
        RequireServer();
        return await ModerationStores.OpenMongoAsync(new MongoStorageOptions { ConnectionString = ConnectionString, Database = DatabaseName });
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString is not null)
        {
            using var client = new MongoClient(ConnectionString);
            await client.DropDatabaseAsync(DatabaseName);
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> SupportsExplainAsync(string connectionString)
    {
        using var client = new MongoClient(connectionString);
        try
        {
            await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(
                new BsonDocument { { "explain", new BsonDocument("find", "probe") }, { "verbosity", "queryPlanner" } });
            return true;
        }
        catch (MongoCommandException)
        {
            return false;
        }
    }
}
