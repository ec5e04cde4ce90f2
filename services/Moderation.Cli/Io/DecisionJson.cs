using System.Text.Encodings.Web;
using System.Text.Json;
using Moderation.Rules;

namespace Moderation.Cli.Io;

/// <summary>Writes one classify output line: <c>{"id","decision","score","hits":[{"rule","category","start","length","match"}]}</c>.</summary>
internal static class DecisionJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(JsonElement id, EngineDecision decision)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteString("decision", decision.Outcome.ToString().ToLowerInvariant());
            writer.WriteNumber("score", decision.Score);
            writer.WriteStartArray("hits");
            foreach (var hit in decision.Hits)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", hit.Rule);
                writer.WriteString("category", hit.Category);
                writer.WriteNumber("start", hit.Start);
                writer.WriteNumber("length", hit.Length);
                writer.WriteString("match", hit.Match);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
