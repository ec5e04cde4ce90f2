using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

[Collection(MongoServerCollection.Name)]
public sealed class MongoReviewRedecisionTests(MongoServerFixture server) : ReviewRedecisionContract
{
    protected override Task<ModerationStores> CreateStoresAsync() => server.CreateStoresAsync();
}
