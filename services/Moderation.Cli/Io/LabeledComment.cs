using System.Text.Json;

namespace Moderation.Cli.Io;

/// <summary>One input line: its id as written (string or number), its text and, in eval files, its label.</summary>
internal sealed record LabeledComment(int LineNumber, JsonElement Id, string Text, int? Label);
