using Microsoft.Data.Sqlite;

namespace Moderation.Storage.Sqlite;

internal static class SqliteCommandExtensions
{
    /// <summary>A command with named parameters; null becomes SQL NULL.</summary>
    public static SqliteCommand Command(
        this SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static string ToKey(this Guid id) => id.ToString("D");

    public static Guid GetGuid(this SqliteDataReader reader, string column) => Guid.Parse(reader.GetString(reader.GetOrdinal(column)));

    public static string? GetNullableString(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static DateTimeOffset GetTime(this SqliteDataReader reader, string column) =>
        StoredTime.FromMilliseconds(reader.GetInt64(reader.GetOrdinal(column)));

    public static TEnum GetEnum<TEnum>(this SqliteDataReader reader, string column)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(reader.GetString(reader.GetOrdinal(column)));

    public static T? GetJson<T>(this SqliteDataReader reader, string column)
        where T : class => reader.GetNullableString(column) is { } json ? SqliteJson.Deserialize<T>(json) : null;

    public static string GetText(this SqliteDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    /// <summary>Runs a query and maps every row.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(
        this SqliteCommand command, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(map(reader));
        }

        return items;
    }

    public static async Task<T?> ReadSingleOrDefaultAsync<T>(
        this SqliteCommand command, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : null;
    }
}
