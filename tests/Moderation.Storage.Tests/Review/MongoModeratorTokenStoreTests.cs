using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

[Collection(MongoServerCollection.Name)]
public sealed class MongoModeratorTokenStoreTests(MongoServerFixture server) : ModeratorTokenStoreContract
{
    protected override Task<ModerationStores> CreateStoresAsync() => server.CreateStoresAsync();
}
