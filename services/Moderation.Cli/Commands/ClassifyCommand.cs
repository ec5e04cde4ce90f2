using System.CommandLine;
using Moderation.Cli.Io;

namespace Moderation.Cli.Commands;

/// <summary>
/// <c>moderation classify --input FILE.jsonl [--rules PATH] [--site ID] [--threads N]</c>: one decision line per input
/// line, in input order, decided on every core.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON lines with id and text ('-' reads standard input)", Required = true };
        var rules = new Option<string?>("--rules") { Description = "Ruleset file or rules folder (default: the embedded pack)" };
        var site = new Option<string?>("--site") { Description = "Site whose ruleset applies when --rules is a folder" };
        var section = new Option<string?>("--section") { Description = "Section of the site whose rules apply (sites/{site}/sections/{section}.yaml)" };
        var threads = new Option<int>("--threads")
        {
            Description = "Threads that decide (default: one per core); output stays in input order",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("classify", "Decide each comment of a JSON lines file") { input, rules, site, section, threads };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetRequiredValue(input);
            var siteId = parse.GetValue(site) ?? "default";
            var fromStandardInput = file.Name == "-";
            if (!fromStandardInput && !file.Exists)
            {
                error.WriteLine($"No such input file: {file.FullName}");
                return 2;
            }

            var ruleSet = RuleSetArguments.TryLoad(parse.GetValue(rules), siteId, error, parse.GetValue(section));
            if (ruleSet is null)
            {
                return 2;
            }

            using var reader = fromStandardInput
                ? new StreamReader(Console.OpenStandardInput(), bufferSize: 1 << 16)
                : new StreamReader(file.FullName, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
            var classifier = new OrderedClassifier(ruleSet, siteId, Math.Max(1, parse.GetValue(threads)));
            classifier.RunAsync(reader, output, error, fromStandardInput ? "stdin" : file.Name).GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }
}
