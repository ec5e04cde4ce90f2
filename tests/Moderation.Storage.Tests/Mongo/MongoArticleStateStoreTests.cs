using Moderation.Storage.Tests.Contracts;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Mongo;

[Collection(MongoServerCollection.Name)]
public sealed class MongoArticleStateStoreTests(MongoServerFixture server) : ArticleStateStoreContract
{
    protected override Task<ModerationStores> CreateStoresAsync() => server.CreateStoresAsync();

    protected override bool CountsAreOwnPostImages => !server.LacksQueryPlans;
}
