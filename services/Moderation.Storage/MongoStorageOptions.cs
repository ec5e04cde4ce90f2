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

    /// <summary>The database that holds <paramref name="owner"/>'s collections.</summary>
    public string DatabaseFor(StoreOwner owner) =>
        string.IsNullOrWhiteSpace(Database) ? DefaultDatabasePrefix + owner.ToString().ToLowerInvariant() : Database;
}
