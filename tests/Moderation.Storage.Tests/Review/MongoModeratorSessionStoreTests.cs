using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

[Collection(MongoServerCollection.Name)]
public sealed class MongoModeratorSessionStoreTests(MongoServerFixture server) : ModeratorSessionStoreContract
{
    protected override Task<ModerationStores> CreateStoresAsync() => server.CreateStoresAsync();
}
