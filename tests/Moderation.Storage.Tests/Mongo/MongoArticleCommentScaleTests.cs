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

        var stages = Stages(winningPlan).ToList();
        Assert.Contains("IXSCAN", stages);
        Assert.DoesNotContain("SORT", stages);
        Assert.Contains(MongoDatabaseContext.ArticleReadIndex, winningPlan.ToJson());
    }

    // Plans nest stages under inputStage/inputStages (and queryPlan on the slot-based engine); walk them all.
    private static IEnumerable<string> Stages(BsonValue node)
    {
        if (node is BsonDocument document)
        {
            foreach (var element in document)
            {
                if (element.Name == "stage" && element.Value.IsString)
                {
                    yield return element.Value.AsString;
                }

                foreach (var stage in Stages(element.Value))
                {
                    yield return stage;
                }
            }
        }
        else if (node is BsonArray array)
        {
            foreach (var stage in array.SelectMany(Stages))
            {
                yield return stage;
            }
        }
    }
}
