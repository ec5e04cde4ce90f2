using Moderation.Storage.Resilience;
using Moderation.Webhooks.Storage;
using MongoDB.Driver;
using Polly;

namespace Moderation.Webhooks.Tests.Storage;

/// <summary>On the MongoDB that <c>MONGODB_URI</c> names (a real server or the wire-protocol emulator); skipped without one.</summary>
public sealed class MongoWebhookStoreTests : WebhookStoreContract, IAsyncLifetime
{
    private readonly string? _uri = Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri ? uri : null;
    private readonly string _database = $"webhook_tests_{Guid.NewGuid():N}";

    protected override Task<IWebhookStore> CreateStoreAsync()
    {
        Skip.If(_uri is null, "MongoDB not reachable: set MONGODB_URI");
        return Task.FromResult<IWebhookStore>(new MongoWebhookStore(
            new MongoClient(_uri).GetDatabase(_database), new ResiliencePipelineBuilder().AddStoreRetry().Build()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_uri is not null)
        {
            using var client = new MongoClient(_uri);
            await client.DropDatabaseAsync(_database);
        }
    }
}
