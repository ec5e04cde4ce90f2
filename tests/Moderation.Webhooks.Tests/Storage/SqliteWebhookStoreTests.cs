using Moderation.Storage.Resilience;
using Moderation.Webhooks.Storage;
using Polly;

namespace Moderation.Webhooks.Tests.Storage;

public sealed class SqliteWebhookStoreTests : WebhookStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"moderation-webhook-store-{Guid.NewGuid():N}");

    protected override Task<IWebhookStore> CreateStoreAsync() =>
        Task.FromResult<IWebhookStore>(new SqliteWebhookStore(
            Path.Combine(_folder, "webhooks.db"), new ResiliencePipelineBuilder().AddStoreRetry().Build()));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
