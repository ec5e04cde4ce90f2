using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>The decided queue and re-decisions on the composed host on MongoDB.</summary>
public sealed class MongoRedecisionTests(MongoReviewHost mongo) : RedecisionTests(mongo), IClassFixture<MongoReviewHost>
{
    protected override void RequireHost() => mongo.RequireServer();
}
