namespace Moderation.Integration.Tests.Infrastructure;

/// <summary>
/// Every integration test shares one <see cref="DistributedSystem"/> and runs one at a time: some stop the broker,
/// which must not pull the ground from under a test running beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedSystem>
{
    public const string Name = "distributed system";
}
