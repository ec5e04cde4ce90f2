using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>Desk reports on the composed host on MongoDB.</summary>
public sealed class MongoDeskReportTests(MongoReviewHost mongo) : DeskReportTests(mongo), IClassFixture<MongoReviewHost>
{
    protected override void RequireHost() => mongo.RequireServer();
}
