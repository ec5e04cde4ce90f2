using System.CommandLine;
using System.Diagnostics;
using Moderation.Cli.Eval;
using Moderation.Cli.Io;
using Moderation.Contracts;
using Moderation.Rules;

namespace Moderation.Cli.Commands;

/// <summary>
/// <c>moderation eval --input PATH [--rules PATH]</c>: recall, false-positive rate, precision, reject precision and
/// throughput per labeled file, for its tuning part and its checking part (<see cref="EvalSplit"/>). Flag or reject
/// counts as caught.
/// </summary>
internal static class EvalCommand
{
    private const int WarmUpComments = 300;

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Labeled JSON lines file or a folder of them", Required = true };
        var rules = new Option<string?>("--rules") { Description = "Ruleset file or rules folder (default: the embedded pack)" };
        var site = new Option<string?>("--site") { Description = "Site whose ruleset applies when --rules is a folder" };
        var command = new Command("eval", "Measure the rules on labeled comments, tuning and checking part apart") { input, rules, site };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(input);
            var siteId = parse.GetValue(site) ?? "default";
            var files = LabeledFiles(path);
            if (files.Count == 0)
            {
                error.WriteLine($"No labeled .jsonl file at {path}");
                return 2;
            }

            var ruleSet = RuleSetArguments.TryLoad(parse.GetValue(rules), siteId, error);
            if (ruleSet is null)
            {
                return 2;
            }

            output.WriteLine($"ruleset {ruleSet.Version}  (caught = flag or reject; parts by SHA-256 of the text: tuning {EvalSplit.TuningPercent}%, checking the rest)");
            output.WriteLine($"{"file",-24} {"part",-8} {"n",6} {"recall",7} {"fpr",6} {"prec",6} {"rejects",7} {"rej.prec",8} {"comments/s",11}");
            foreach (var file in files)
            {
                var (tuning, checking) = Evaluate(file, ruleSet, siteId, error);
                output.WriteLine(tuning.Format());
                output.WriteLine(checking.Format());
            }

            return 0;
        });
        return command;
    }

    /// <summary>The labeled files at a path: the file itself, or every .jsonl file of a folder in name order.</summary>
    internal static IReadOnlyList<string> LabeledFiles(string path) =>
        Directory.Exists(path)
            ? [.. Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal)]
            : File.Exists(path) ? [path] : [];

    internal static (EvalResult Tuning, EvalResult Checking) Evaluate(string file, RuleSet ruleSet, string siteId, TextWriter error)
    {
        List<LabeledComment> rows;
        using (var reader = File.OpenText(file))
        {
            rows = [.. JsonLinesReader.Read(reader, error, Path.GetFileName(file)).Where(row => row.Label is not null)];
        }

        var name = Path.GetFileNameWithoutExtension(file);
        var engine = new ModerationEngine();

        // Warm up so comments/second measures the engine, not the JIT compiling it.
        foreach (var row in rows.Take(WarmUpComments))
        {
            engine.Decide(CliComment.From(row.Text, siteId), ruleSet, []);
        }

        return (
            Measure(name, EvalPart.Tuning, [.. rows.Where(row => EvalSplit.PartOf(row.Text) == EvalPart.Tuning)], engine, ruleSet, siteId),
            Measure(name, EvalPart.Checking, [.. rows.Where(row => EvalSplit.PartOf(row.Text) == EvalPart.Checking)], engine, ruleSet, siteId));
    }

    private static EvalResult Measure(string name, EvalPart part, LabeledComment[] rows, ModerationEngine engine, RuleSet ruleSet, string siteId)
    {
        var comments = rows.Select(row => CliComment.From(row.Text, siteId)).ToArray();
        var outcomes = new DecisionOutcome[comments.Length];
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < comments.Length; i++)
        {
            outcomes[i] = engine.Decide(comments[i], ruleSet, []).Outcome;
        }

        stopwatch.Stop();
        var result = new EvalResult(name, part);
        for (var i = 0; i < rows.Length; i++)
        {
            result.Count(rows[i].Label == 1, outcomes[i]);
        }

        result.Seconds = stopwatch.Elapsed.TotalSeconds;
        return result;
    }
}
