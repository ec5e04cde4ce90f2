using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>Article context, thread, article view and takedown on the composed host on MongoDB.</summary>
public sealed class MongoArticleTests(MongoReviewHost mongo) : ArticleTests(mongo), IClassFixture<MongoReviewHost>
{
    protected override void RequireHost() => mongo.RequireServer();
}
