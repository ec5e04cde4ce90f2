namespace Moderation.Cli.Io;

/// <summary>
/// One input line: its id as written (the raw JSON of a string or number, written back unchanged), its text and, in
/// eval files, its label.
/// </summary>
internal sealed record LabeledComment(int LineNumber, string IdJson, string Text, int? Label);
