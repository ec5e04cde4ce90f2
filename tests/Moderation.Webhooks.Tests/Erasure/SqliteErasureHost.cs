using Microsoft.Data.Sqlite;

namespace Moderation.Webhooks.Tests.Erasure;

/// <summary>Every service on one SQLite file, as <c>dotnet run</c> keeps them.</summary>
public sealed class SqliteErasureHost : ErasureHost
{
    private string DatabasePath => Path.Combine(Folder, "moderation.db");

    public override string? SkipReason => null;

    protected override void AddStorage(Dictionary<string, string?> settings) => settings["Storage:Sqlite:Path"] = DatabasePath;

    public override async Task<IReadOnlyList<string>> FindAsync(string text)
    {
        var found = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("webhook_events", tables);
        Assert.Contains("review_audit", tables);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray();
                if (values.Any(value => value.Contains(text, StringComparison.Ordinal)))
                {
                    found.Add($"{table}: {string.Join(" | ", values)}");
                }
            }
        }

        return found;
    }
}
