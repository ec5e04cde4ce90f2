using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

[Collection(MongoServerCollection.Name)]
public sealed class MongoReviewCommentLogStoreTests(MongoServerFixture server) : ReviewCommentLogStoreContract
{
    protected override Task<ModerationStores> CreateStoresAsync() => server.CreateStoresAsync();
}
