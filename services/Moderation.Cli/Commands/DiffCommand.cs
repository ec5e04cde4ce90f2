using System.CommandLine;
using System.Globalization;
using Moderation.Cli.Io;
using Moderation.Contracts;
using Moderation.Rules;

namespace Moderation.Cli.Commands;

/// <summary>
/// <c>moderation diff --input FILE.jsonl --rules OLD --rules NEW [--site ID] [--examples N]</c>: a backtest of a rule
/// change. Decides every comment with both rulesets and prints how many move between approve, flag and reject, which
/// rules came in or went out on the comments that moved, and a few examples of each move. Exits 0 whatever moved.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON lines with id and text", Required = true };
        var rules = new Option<string[]>("--rules")
        {
            Description = "The old, then the new ruleset: a file (a layer over the embedded pack) or a rules folder",
            Required = true,
            Arity = new ArgumentArity(2, 2),
        };
        var site = new Option<string?>("--site") { Description = "Site whose ruleset applies when a --rules is a folder" };
        var section = new Option<string?>("--section") { Description = "Section of the site whose rules apply (sites/{site}/sections/{section}.yaml)" };
        var examples = new Option<int>("--examples") { Description = "Examples printed per move", DefaultValueFactory = _ => 3 };
        var command = new Command("diff", "Backtest a rule change: which comments change decision, and by which rules") { input, rules, site, section, examples };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetRequiredValue(input);
            var paths = parse.GetRequiredValue(rules);
            var siteId = parse.GetValue(site) ?? "default";
            if (!file.Exists)
            {
                error.WriteLine($"No such input file: {file.FullName}");
                return 2;
            }

            if (paths.Length != 2)
            {
                error.WriteLine("Give --rules twice: the old ruleset, then the new one.");
                return 2;
            }

            var before = RuleSetArguments.TryLoad(paths[0], siteId, error, parse.GetValue(section));
            var after = RuleSetArguments.TryLoad(paths[1], siteId, error, parse.GetValue(section));
            if (before is null || after is null)
            {
                return 2;
            }

            var report = new DiffReport(Math.Max(0, parse.GetValue(examples)));
            var engine = new ModerationEngine();
            using (var reader = file.OpenText())
            {
                foreach (var row in JsonLinesReader.Read(reader, error, file.Name))
                {
                    var comment = CliComment.From(row.Text, siteId);
                    report.Add(row, engine.Decide(comment, before, []), engine.Decide(comment, after, []));
                }
            }

            output.WriteLine($"old {paths[0]} (version {before.Version})");
            output.WriteLine($"new {paths[1]} (version {after.Version})");
            report.Write(output);
            return 0;
        });
        return command;
    }
}
