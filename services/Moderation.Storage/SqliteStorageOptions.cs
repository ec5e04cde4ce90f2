namespace Moderation.Storage;

public sealed class SqliteStorageOptions
{
    /// <summary><c>Storage:Sqlite:Path</c>: the database file; a relative path is taken from the content root.</summary>
    public string Path { get; set; } = "moderation.db";
}
