namespace Moderation.Storage.Tests.Fixtures;

/// <summary>
/// Base of every contract suite: one set of stores per test, from the provider the subclass names.
/// Tests isolate themselves with a fresh site id, so they can share one database.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private ModerationStores? _stores;

    protected ModerationStores Stores => _stores ?? throw new InvalidOperationException("Stores are created in InitializeAsync.");

    /// <summary>Creates initialised stores, or skips the test when the provider is not reachable here.</summary>
    protected abstract Task<ModerationStores> CreateStoresAsync();

    public async Task InitializeAsync() => _stores = await CreateStoresAsync();

    public async Task DisposeAsync()
    {
        if (_stores is not null)
        {
            await _stores.DisposeAsync();
        }
    }
}
