using Moderation.Storage.Mongo;
using Moderation.Storage.Publishing;
using Moderation.Storage.Tests.Contracts;
using Moderation.Storage.Tests.Fixtures;
using MongoDB.Bson;

namespace Moderation.Storage.Tests.Mongo;

[Collection(MongoServerCollection.Name)]
public sealed class MongoArticleCommentScaleTests(MongoServerFixture server) : ArticleCommentScaleContract
{
    protected override Task<ModerationStores> CreateStoresAsync()
    {
        server.SkipWithoutQueryPlans();
        return server.CreateStoresAsync();
    }

    protected override async Task SeedAsync(IReadOnlyList<PublishedComment> comments)
    {
        var store = (MongoArticleCommentStore)Stores.ArticleComments;
        foreach (var batch in comments.Chunk(10_000))
        {
            Assert.Equal(batch.Length, await store.AddManyAsync(batch));
        }
    }

    protected override async Task AssertReadUsesIndexAsync(string siteId, string articleId, CommentOrder order, CommentPageCursor? after)
    {
        var explain = await ((MongoArticleCommentStore)Stores.ArticleComments)
            .ExplainListAsync(siteId, articleId, order, 10, after, CancellationToken.None);
        var winningPlan = explain["queryPlanner"]["winningPlan"].AsBsonDocument;

        var stages = QueryPlan.Stages(winningPlan).ToList();
        Assert.Contains("IXSCAN", stages);
        Assert.DoesNotContain("SORT", stages);
        Assert.Contains(MongoDatabaseContext.ArticleReadIndex, winningPlan.ToJson());
    }
}
