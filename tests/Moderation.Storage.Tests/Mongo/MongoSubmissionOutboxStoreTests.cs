using Moderation.Storage.Tests.Contracts;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Mongo;

[Collection(MongoServerCollection.Name)]
public sealed class MongoSubmissionOutboxStoreTests(MongoServerFixture server) : SubmissionOutboxStoreContract
{
    protected override Task<ModerationStores> CreateStoresAsync() => server.CreateStoresAsync();
}
