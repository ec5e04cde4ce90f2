namespace Moderation.Integration.Tests.Cluster;

/// <summary>The broker-cluster tests run alone: they kill broker nodes and measure how fast the system recovers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerClusterCollection
{
    public const string Name = "broker cluster";
}
