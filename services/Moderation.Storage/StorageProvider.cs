namespace Moderation.Storage;

public enum StorageProvider
{
    /// <summary>An embedded SQLite file: one machine, nothing installed.</summary>
    Sqlite,

    /// <summary>MongoDB: the production store.</summary>
    MongoDb,
}
