using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Storage.Sqlite;

/// <summary>Writes times as Unix milliseconds, so nested times are truncated like every other stored time.</summary>
internal sealed class UnixMillisecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StoredTime.FromMilliseconds(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(StoredTime.ToMilliseconds(value));
}
