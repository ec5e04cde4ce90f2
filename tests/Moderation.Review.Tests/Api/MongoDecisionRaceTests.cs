using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>The decision race on the composed host on MongoDB.</summary>
public sealed class MongoDecisionRaceTests(MongoReviewHost mongo) : DecisionRaceTests(mongo), IClassFixture<MongoReviewHost>
{
    protected override void RequireHost() => mongo.RequireServer();
}
