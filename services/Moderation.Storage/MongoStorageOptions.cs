namespace Moderation.Storage;

public sealed class MongoStorageOptions
{
    /// <summary><c>Storage:MongoDb:ConnectionString</c>: required when the provider is MongoDb.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>Storage:MongoDb:Database</c>: defaults to <c>moderation</c>.</summary>
    public string Database { get; set; } = "moderation";

    /// <summary>
    /// <c>Storage:MongoDb:ActivityRetention</c>: how long author activity is kept before MongoDB's TTL monitor removes it
    /// (default 7 days). Changing it later needs the TTL index dropped or altered with collMod.
    /// </summary>
    public TimeSpan ActivityRetention { get; set; } = TimeSpan.FromDays(7);
}
