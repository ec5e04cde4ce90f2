using Moderation.Contracts;
using Moderation.Storage.Mongo;
using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;
using MongoDB.Bson;

namespace Moderation.Storage.Tests.Mongo;

/// <summary>
/// Claims and the pending list read the pending-only index, however many decided items the collection holds. Needs a
/// server's query plans (<c>explain</c>): it runs against a real MongoDB and skips on the wire-protocol emulator.
/// </summary>
[Collection(MongoServerCollection.Name)]
public sealed class MongoReviewQueuePlanTests(MongoServerFixture server)
{
    [SkippableTheory]
    [InlineData(ReviewQueueOrder.OldestFirst)]
    [InlineData(ReviewQueueOrder.NewestFirst)]
    [InlineData(ReviewQueueOrder.HighestScoreFirst)]
    public async Task A_claim_reads_the_pending_index_and_never_scans_the_collection(ReviewQueueOrder order)
    {
        server.SkipWithoutQueryPlans();
        await using var stores = await server.CreateStoresAsync();
        var site = TestData.NewSite();
        for (var i = 0; i < 200; i++)
        {
            var item = new ReviewItem(
                TestData.Comment(site, TestData.BaseTime.AddSeconds(i)), TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime.AddSeconds(i)),
                TestData.BaseTime.AddSeconds(i));
            Assert.True(await stores.ReviewQueue.AddAsync(item));
            if (i % 2 == 0)
            {
                Assert.True(await stores.ReviewQueue.DecideAsync(
                    item.Comment.Id, ReviewItemStatus.Approved, TestData.Review(TestData.BaseTime.AddMinutes(10)), TestData.BaseTime.AddMinutes(10)));
            }
        }

        var explain = await ((MongoReviewQueueStore)stores.ReviewQueue)
            .ExplainClaimNextAsync(new ReviewQueueQuery(site, Order: order), TestData.BaseTime.AddHours(1), CancellationToken.None);
        var winningPlan = explain["queryPlanner"]["winningPlan"].AsBsonDocument;

        var stages = QueryPlan.Stages(winningPlan).ToList();
        Assert.Contains("IXSCAN", stages);
        Assert.DoesNotContain("COLLSCAN", stages);
        Assert.Contains(MongoDatabaseContext.PendingQueueIndex, winningPlan.ToJson());
        if (order != ReviewQueueOrder.HighestScoreFirst)
        {
            // Oldest or newest first is the index's own order: no sort in memory.
            Assert.DoesNotContain("SORT", stages);
        }
    }
}
