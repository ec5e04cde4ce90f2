namespace Moderation.Storage;

/// <summary>Which store the services use, bound from the <c>Storage</c> section and validated at start-up.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Storage:Provider</c>: <see cref="StorageProvider.Sqlite"/> (default) or <see cref="StorageProvider.MongoDb"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public MongoStorageOptions MongoDb { get; set; } = new();
}
