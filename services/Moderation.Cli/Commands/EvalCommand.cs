using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Moderation.Cli.Io;
using Moderation.Contracts;
using Moderation.Rules;

namespace Moderation.Cli.Commands;

/// <summary>
/// <c>moderation eval --input PATH [--rules PATH]</c>: recall, false-positive rate, precision, reject precision and
/// throughput per labeled file. Flag or reject counts as caught.
/// </summary>
internal static class EvalCommand
{
    private const int WarmUpComments = 300;

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Labeled JSON lines file or a folder of them", Required = true };
        var rules = new Option<string?>("--rules") { Description = "Ruleset file or rules folder (default: the embedded pack)" };
        var site = new Option<string?>("--site") { Description = "Site whose ruleset applies when --rules is a folder" };
        var command = new Command("eval", "Measure the rules on labeled comments") { input, rules, site };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(input);
            var siteId = parse.GetValue(site) ?? "default";
            string[] files = Directory.Exists(path)
                ? [.. Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal)]
                : File.Exists(path) ? [path] : [];
            if (files.Length == 0)
            {
                error.WriteLine($"No labeled .jsonl file at {path}");
                return 2;
            }

            var ruleSet = RuleSetArguments.TryLoad(parse.GetValue(rules), siteId, error);
            if (ruleSet is null)
            {
                return 2;
            }

            output.WriteLine($"ruleset {ruleSet.Version}  (caught = flag or reject)");
            output.WriteLine($"{"file",-24} {"n",6} {"recall",7} {"fpr",6} {"prec",6} {"rejects",7} {"rej.prec",8} {"comments/s",11}");
            foreach (var file in files)
            {
                var result = Evaluate(file, ruleSet, siteId, error);
                output.WriteLine(result.Format());
            }

            return 0;
        });
        return command;
    }

    internal static EvalResult Evaluate(string file, RuleSet ruleSet, string siteId, TextWriter error)
    {
        List<LabeledComment> rows;
        using (var reader = File.OpenText(file))
        {
            rows = [.. JsonLinesReader.Read(reader, error, Path.GetFileName(file)).Where(row => row.Label is not null)];
        }

        var comments = rows.Select(row => CliComment.From(row.Text, siteId)).ToArray();
        var engine = new ModerationEngine();
        var outcomes = new DecisionOutcome[comments.Length];

        // Warm up so comments/second measures the engine, not the JIT compiling it.
        foreach (var comment in comments.Take(WarmUpComments))
        {
            engine.Decide(comment, ruleSet, []);
        }

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < comments.Length; i++)
        {
            outcomes[i] = engine.Decide(comments[i], ruleSet, []).Outcome;
        }

        stopwatch.Stop();
        var result = new EvalResult(Path.GetFileNameWithoutExtension(file));
        for (var i = 0; i < rows.Count; i++)
        {
            result.Count(rows[i].Label == 1, outcomes[i]);
        }

        result.Seconds = stopwatch.Elapsed.TotalSeconds;
        return result;
    }
}

/// <summary>Counts of one evaluated file.</summary>
internal sealed class EvalResult(string name)
{
    public string Name { get; } = name;

    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int Positives { get; private set; }

    public int Negatives { get; private set; }

    public int Rejects { get; private set; }

    public int CorrectRejects { get; private set; }

    public double Seconds { get; set; }

    public int N => Positives + Negatives;

    public double Recall => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

    public double FalsePositiveRate => Negatives == 0 ? double.NaN : (double)FalsePositives / Negatives;

    public double Precision => TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);

    public double RejectPrecision => Rejects == 0 ? double.NaN : (double)CorrectRejects / Rejects;

    public double CommentsPerSecond => Seconds <= 0 ? double.NaN : N / Seconds;

    public void Count(bool positive, DecisionOutcome outcome)
    {
        var caught = outcome != DecisionOutcome.Approve;
        if (positive)
        {
            Positives++;
            TruePositives += caught ? 1 : 0;
        }
        else
        {
            Negatives++;
            FalsePositives += caught ? 1 : 0;
        }

        if (outcome == DecisionOutcome.Reject)
        {
            Rejects++;
            CorrectRejects += positive ? 1 : 0;
        }
    }

    public string Format()
    {
        static string Ratio(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);
        return $"{Name,-24} {N,6} {Ratio(Recall),7} {Ratio(FalsePositiveRate),6} {Ratio(Precision),6} {Rejects,7} {Ratio(RejectPrecision),8} "
            + $"{CommentsPerSecond.ToString("0", CultureInfo.InvariantCulture),11}";
    }
}
