using MongoDB.Driver;

namespace Moderation.Storage;

public sealed class MongoStorageOptions
{
    /// <summary>The database prefix of the per-service defaults: <c>moderation-ingestion</c>, <c>moderation-review</c>, …</summary>
    public const string DefaultDatabasePrefix = "moderation-";

    /// <summary><c>Storage:MongoDb:ConnectionString</c>: required when the provider is MongoDb.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>Storage:MongoDb:Database</c>: unset (the default), each service keeps its data in its own database,
    /// <c>moderation-ingestion</c>, <c>moderation-worker</c>, <c>moderation-publishing</c> and <c>moderation-review</c>;
    /// set, every service in this process uses that one database (the single-database setting).
    /// </summary>
    public string? Database { get; set; }

    /// <summary>
    /// <c>Storage:MongoDb:ActivityRetention</c>: how long author activity is kept before MongoDB's TTL monitor removes it
    /// (default 7 days). Changing it later needs the TTL index dropped or altered with collMod.
    /// </summary>
    public TimeSpan ActivityRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// <c>Storage:MongoDb:ServerSelectionTimeout</c>: how long one operation waits for a reachable server before the
    /// service answers 503 (default 2 s; the driver's own default, 30 s, outlasts a proxy's patience). A
    /// <c>serverSelectionTimeoutMS</c> in the connection string wins.
    /// </summary>
    public TimeSpan ServerSelectionTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Client settings from the connection string, with <see cref="ServerSelectionTimeout"/> as the selection and
    /// connect timeouts unless the string sets them. Every MongoClient of the services is made from these.
    /// </summary>
    public MongoClientSettings ClientSettings()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString);
        var url = MongoUrl.Create(ConnectionString);
        var settings = MongoClientSettings.FromUrl(url);
        if (url.ServerSelectionTimeout == MongoDefaults.ServerSelectionTimeout)
        {
            settings.ServerSelectionTimeout = ServerSelectionTimeout;
        }

        if (url.ConnectTimeout == MongoDefaults.ConnectTimeout)
        {
            settings.ConnectTimeout = ServerSelectionTimeout;
        }

        return settings;
    }

    /// <summary>The database that holds <paramref name="owner"/>'s collections.</summary>
    public string DatabaseFor(StoreOwner owner) =>
        string.IsNullOrWhiteSpace(Database) ? DefaultDatabasePrefix + owner.ToString().ToLowerInvariant() : Database;
}
