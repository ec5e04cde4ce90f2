using System.CommandLine;
using Moderation.Cli.Io;
using Moderation.Rules;

namespace Moderation.Cli.Commands;

/// <summary><c>moderation classify --input FILE.jsonl [--rules PATH] [--site ID]</c>: one decision line per input line, in order.</summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON lines with id and text", Required = true };
        var rules = new Option<string?>("--rules") { Description = "Ruleset file or rules folder (default: the embedded pack)" };
        var site = new Option<string?>("--site") { Description = "Site whose ruleset applies when --rules is a folder" };
        var command = new Command("classify", "Decide each comment of a JSON lines file") { input, rules, site };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetRequiredValue(input);
            var siteId = parse.GetValue(site) ?? "default";
            if (!file.Exists)
            {
                error.WriteLine($"No such input file: {file.FullName}");
                return 2;
            }

            var ruleSet = RuleSetArguments.TryLoad(parse.GetValue(rules), siteId, error);
            if (ruleSet is null)
            {
                return 2;
            }

            var engine = new ModerationEngine();
            using var reader = file.OpenText();
            foreach (var comment in JsonLinesReader.Read(reader, error, file.Name))
            {
                var decision = engine.Decide(CliComment.From(comment.Text, siteId), ruleSet, []);
                output.WriteLine(DecisionJson.Format(comment.Id, decision));
            }

            return 0;
        });
        return command;
    }
}
