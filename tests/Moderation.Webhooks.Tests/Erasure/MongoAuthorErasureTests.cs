namespace Moderation.Webhooks.Tests.Erasure;

public sealed class MongoAuthorErasureTests(MongoErasureHost host) : AuthorErasureTests(host), IClassFixture<MongoErasureHost>;
