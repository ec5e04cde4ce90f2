namespace Moderation.Storage;

/// <summary>One owner's database on one provider: its schema set-up and its readiness ping.</summary>
internal interface IStoreDatabase
{
    StoreOwner Owner { get; }

    /// <summary>Creates the owner's tables and indexes once; safe to call again and from several processes.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>A cheap round trip to the database.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
