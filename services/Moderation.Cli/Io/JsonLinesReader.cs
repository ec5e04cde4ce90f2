using System.Text.Json;

namespace Moderation.Cli.Io;

/// <summary>Reads JSON lines with <c>id</c>, <c>text</c> and optional <c>label</c>; a bad line is reported and skipped.</summary>
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
                error.WriteLine($"{sourceName}: line {lineNumber}: {problem}");
                continue;
            }

            yield return comment;
        }
    }

    private static LabeledComment? Parse(string line, int lineNumber, out string problem)
    {
        problem = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "expected a JSON object";
                return null;
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problem = "missing \"id\" (string or number)";
                return null;
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                problem = "missing \"text\" (string)";
                return null;
            }

            int? label = root.TryGetProperty("label", out var labelElement)
                && labelElement.ValueKind == JsonValueKind.Number && labelElement.TryGetInt32(out var number)
                ? number
                : null;
            return new LabeledComment(lineNumber, id.Clone(), text.GetString()!, label);
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
}
