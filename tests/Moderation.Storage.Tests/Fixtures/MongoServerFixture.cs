using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace Moderation.Storage.Tests.Fixtures;

/// <summary>
/// A MongoDB server for the whole run: <c>MONGODB_URI</c> when set, else a Testcontainers server when Docker is
/// available, else none (the MongoDB tests then report themselves skipped). Each run uses its own database and drops it.
/// </summary>
public sealed class MongoServerFixture : IAsyncLifetime
{
    public const string SkipReason = "MongoDB not reachable: set MONGODB_URI or run with Docker";

    private MongoDbContainer? _container;

    public string? ConnectionString { get; private set; }

    public string DatabaseName { get; } = $"moderation_tests_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri ? uri : null;
        if (ConnectionString is null && DotNet.Testcontainers.Configurations.TestcontainersSettings.OS.DockerEndpointAuthConfig is not null)
        {
            _container = new MongoDbBuilder("mongo:8.0").Build();
            await _container.StartAsync();
            ConnectionString = _container.GetConnectionString();
        }
    }

    /// <summary>Initialised stores on this run's database; skips the calling test when there is no server.</summary>
    public async Task<IModerationStores> CreateStoresAsync()
    {
        Skip.If(ConnectionString is null, SkipReason);
        return await Storage.Mongo.MongoStores.CreateAsync(new MongoStorageOptions { ConnectionString = ConnectionString, Database = DatabaseName });
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
}
