using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Moderation.Cli.Io;
using Moderation.Rules;

namespace Moderation.Cli.Commands;

/// <summary>
/// <c>moderation bench --input FILE [--rules PATH] [--seconds N]</c>: single-threaded throughput of the engine on the
/// texts of a file, after a warm-up; prints <c>comments_per_second=N</c> for scripts.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON lines with id and text", Required = true };
        var rules = new Option<string?>("--rules") { Description = "Ruleset file or rules folder (default: the embedded pack)" };
        var seconds = new Option<double>("--seconds") { Description = "How long to measure", DefaultValueFactory = _ => 2.0 };
        var command = new Command("bench", "Measure single-threaded throughput on a file") { input, rules, seconds };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetRequiredValue(input);
            var ruleSet = RuleSetArguments.TryLoad(parse.GetValue(rules), null, error);
            if (ruleSet is null)
            {
                return 2;
            }

            CommentToModerate[] comments;
            using (var reader = file.OpenText())
            {
                comments = [.. JsonLinesReader.Read(reader, error, file.Name).Select(row => CliComment.From(row.Text, "default"))];
            }

            if (comments.Length == 0)
            {
                error.WriteLine("No comments to measure.");
                return 2;
            }

            var engine = new ModerationEngine();
            RunFor(engine, ruleSet, comments, TimeSpan.FromSeconds(0.5));
            var (count, elapsed) = RunFor(engine, ruleSet, comments, TimeSpan.FromSeconds(parse.GetValue(seconds)));
            var perSecond = count / elapsed.TotalSeconds;
            output.WriteLine($"comments_per_second={perSecond.ToString("0", CultureInfo.InvariantCulture)}");
            return 0;
        });
        return command;
    }

    private static (long Count, TimeSpan Elapsed) RunFor(ModerationEngine engine, RuleSet ruleSet, CommentToModerate[] comments, TimeSpan duration)
    {
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        do
        {
            foreach (var comment in comments)
            {
                engine.Decide(comment, ruleSet, []);
            }

            count += comments.Length;
        }
        while (stopwatch.Elapsed < duration);

        return (count, stopwatch.Elapsed);
    }
}
