namespace Moderation.Storage.Tests.Fixtures;

/// <summary>A fresh SQLite file per test class, deleted afterwards.</summary>
public sealed class SqliteFileFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("moderation-storage-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "moderation.db");

    public void Dispose()
    {
        // Pooled connections keep the file open until the pool lets go of them.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
