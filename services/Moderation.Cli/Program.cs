using System.Text;
using Moderation.Cli;

// Standard output is buffered and flushed once at the end: written line by line through Console.Out, which flushes
// every line, output cost more than deciding.
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
var exitCode = CliApplication.Run(args, output, Console.Error);
output.Flush();
return exitCode;
