using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Moderation.Cli.Io;

/// <summary>
/// Reads JSON lines with <c>id</c>, <c>text</c> and optional <c>label</c>; a bad line is reported and skipped. Each
/// line is read once, forward only, with <see cref="Utf8JsonReader"/>: no document tree per line.
/// </summary>
internal static class JsonLinesReader
{
    public static IEnumerable<LabeledComment> Read(TextReader reader, TextWriter error, string sourceName)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var comment = Parse(line, lineNumber, out var problem);
            if (comment is null)
            {
                error.WriteLine(Problem(sourceName, lineNumber, problem));
                continue;
            }

            yield return comment;
        }
    }

    public static string Problem(string sourceName, int lineNumber, string problem) => $"{sourceName}: line {lineNumber}: {problem}";

    /// <summary>Parses one line, or says in <paramref name="problem"/> why it is no comment.</summary>
    public static LabeledComment? Parse(string line, int lineNumber, out string problem)
    {
        var length = Encoding.UTF8.GetMaxByteCount(line.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var bytes = rented.AsSpan(0, Encoding.UTF8.GetBytes(line, rented));
            return Parse(bytes, lineNumber, out problem);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static LabeledComment? Parse(ReadOnlySpan<byte> line, int lineNumber, out string problem)
    {
        problem = string.Empty;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                ReadToEnd(ref reader);
                problem = "expected a JSON object";
                return null;
            }

            string? id = null, text = null;
            var textIsString = false;
            var idIsValid = false;
            int? label = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    idIsValid = reader.TokenType is JsonTokenType.String or JsonTokenType.Number;
                    id = idIsValid ? RawJson(ref reader) : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    textIsString = reader.TokenType == JsonTokenType.String;
                    text = textIsString ? reader.GetString() : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("label"u8))
                {
                    reader.Read();
                    label = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            ReadToEnd(ref reader);
            if (!idIsValid)
            {
                problem = "missing \"id\" (string or number)";
                return null;
            }

            if (!textIsString)
            {
                problem = "missing \"text\" (string)";
                return null;
            }

            return new LabeledComment(lineNumber, id!, text!, label);
        }
        catch (JsonException exception)
        {
            problem = $"not valid JSON: {exception.Message}";
            return null;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json will not decode an escaped half of a surrogate pair ("\ud800") into a string.
            problem = "\"text\" holds an unpaired surrogate escape, which is no text";
            return null;
        }
    }

    /// <summary>The raw JSON of the current string or number token, as written in the input.</summary>
    private static string RawJson(ref Utf8JsonReader reader)
    {
        var value = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return reader.TokenType == JsonTokenType.String
            ? string.Concat("\"", Encoding.UTF8.GetString(value), "\"")
            : Encoding.UTF8.GetString(value);
    }

    /// <summary>Reads the rest of the line, so a line that is not one whole JSON value is reported as such.</summary>
    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }
}
