using Moderation.Storage.Tests.Contracts;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Mongo;

[Collection(MongoServerCollection.Name)]
public sealed class MongoCommentReportStoreTests(MongoServerFixture server) : CommentReportStoreContract
{
    protected override Task<ModerationStores> CreateStoresAsync() => server.CreateStoresAsync();
}
