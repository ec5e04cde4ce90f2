using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

[Collection(MongoServerCollection.Name)]
public sealed class MongoReviewBulkActionStoreTests(MongoServerFixture server) : ReviewBulkActionStoreContract
{
    protected override Task<ModerationStores> CreateStoresAsync() => server.CreateStoresAsync();
}
