using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Storage.Sqlite;

/// <summary>JSON for nested records (a decision with its hits, a comment). Times inside are kept as Unix milliseconds too.</summary>
internal static class SqliteJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new UnixMillisecondsJsonConverter() },
    };

    public static string? Serialize<T>(T? value)
        where T : class => value is null ? null : JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");
}
