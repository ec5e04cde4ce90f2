using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Moderation.Rules;

namespace Moderation.Cli.Io;

/// <summary>Writes classify output lines: <c>{"id","decision","score","hits":[{"rule","category","start","length","match"}]}</c>.</summary>
internal static class DecisionJson
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one line, ending in a newline, and leaves the writer ready for the next.</summary>
    public static void Write(Utf8JsonWriter writer, IBufferWriter<byte> buffer, string idJson, EngineDecision decision)
    {
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WritePropertyName("id"u8);
        writer.WriteRawValue(idJson, skipInputValidation: true);
        writer.WriteString("decision"u8, Outcome(decision));
        writer.WriteNumber("score"u8, decision.Score);
        writer.WriteStartArray("hits"u8);
        foreach (var hit in decision.Hits)
        {
            writer.WriteStartObject();
            writer.WriteString("rule"u8, hit.Rule);
            writer.WriteString("category"u8, hit.Category);
            writer.WriteNumber("start"u8, hit.Start);
            writer.WriteNumber("length"u8, hit.Length);
            writer.WriteString("match"u8, hit.Match);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        buffer.Write("\n"u8);
    }

    private static ReadOnlySpan<byte> Outcome(EngineDecision decision) => decision.Outcome switch
    {
        Moderation.Contracts.DecisionOutcome.Approve => "approve"u8,
        Moderation.Contracts.DecisionOutcome.Flag => "flag"u8,
        _ => "reject"u8,
    };
}
