namespace Moderation.Storage.Tests.Fixtures;

/// <summary>All MongoDB test classes share one server (one container when Docker starts it).</summary>
[CollectionDefinition(Name)]
public sealed class MongoServerCollection : ICollectionFixture<MongoServerFixture>
{
    public const string Name = "MongoDB server";
}
