using System.Text.Json;
using Moderation.Cli;
using Moderation.Cli.Eval;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Tests.Cli;

public sealed class CliApplicationTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CliApplication.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Classify_writes_one_line_per_input_in_order_and_reports_bad_lines()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.jsonl", """
            {"id": "a", "text": "what a lovely day"}
            {"id": 7, "text": "you f.u.c.k.i.n.g idiot", "label": 1}
            this is not json
            {"id": "c", "text": "Check out my channel www.spam.com and subscribe"}
            """);

        var (exitCode, output, error) = Run("classify", "--input", input);

        Assert.Equal(0, exitCode);
        Assert.Contains("line 3", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.Equal("a", lines[0].GetProperty("id").GetString());
        Assert.Equal(7, lines[1].GetProperty("id").GetInt32());
        Assert.Equal("approve", lines[0].GetProperty("decision").GetString());
        Assert.NotEqual("approve", lines[1].GetProperty("decision").GetString());
        Assert.NotEqual("approve", lines[2].GetProperty("decision").GetString());

        var hit = lines[1].GetProperty("hits").EnumerateArray().First(h => h.GetProperty("category").GetString() == "profanity");
        Assert.Equal(["rule", "category", "start", "length", "match"], hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal("f.u.c.k.i.n.g", hit.GetProperty("match").GetString());
        Assert.Equal(4, hit.GetProperty("start").GetInt32());
        Assert.True(lines[1].GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public void Classify_on_many_threads_keeps_the_input_order_and_the_line_numbers_of_bad_lines()
    {
        using var folder = new TempFolder();
        string[] texts = ["what a lovely day", "you f.u.c.k.i.n.g idiot", "Check out my channel www.spam.com and subscribe", "the council met at 5"];
        var lines = Enumerable.Range(0, 5_000).Select(i => i is 999 or 1_700
            ? "{not json"
            : $"{{\"id\": {i}, \"text\": \"{texts[i % texts.Length]} {i}\"}}");
        var input = folder.Write("in.jsonl", string.Join('\n', lines));

        var (exitCode, output, error) = Run("classify", "--input", input, "--threads", "4");

        Assert.Equal(0, exitCode);
        Assert.Equal(["line 1000:", "line 1701:"], error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[1] + " " + line.Split(' ')[2]));
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        var expectedIds = Enumerable.Range(0, 5_000).Where(i => i is not (999 or 1_700)).ToArray();
        Assert.Equal(expectedIds, rows.Select(row => row.GetProperty("id").GetInt32()));
        var engine = new ModerationEngine();
        Assert.All(rows, row =>
        {
            var i = row.GetProperty("id").GetInt32();
            var expected = engine.Decide(TestRuleSets.Comment($"{texts[i % texts.Length]} {i}"), RuleSetLoader.Default, []).Outcome;
            Assert.Equal(expected.ToString().ToLowerInvariant(), row.GetProperty("decision").GetString());
        });
    }

    [Fact]
    public void Classify_writes_string_and_number_ids_back_as_they_were_written()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.jsonl", """
            {"text": "first", "id": "caf\u00e9-1", "extra": {"nested": [1, 2]}}
            {"id": 12.50, "text": "second"}
            {"id": "x", "text": "third"} trailing
            [1, 2]
            {"id": true, "text": "fifth"}
            """);

        var (_, output, error) = Run("classify", "--input", input);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"id\":\"caf\\u00e9-1\",", lines[0]);
        Assert.StartsWith("{\"id\":12.50,", lines[1]);
        Assert.Contains("line 3: not valid JSON", error);
        Assert.Contains("line 4: expected a JSON object", error);
        Assert.Contains("line 5: missing \"id\"", error);
    }

    [Fact]
    public void Classify_reports_an_unpaired_surrogate_escape_and_goes_on()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.jsonl", """
            {"id": "a", "text": "broken \ud800 text"}
            {"id": "b", "text": "fine", "label": 0.5}
            """);

        var (exitCode, output, error) = Run("classify", "--input", input);

        Assert.Equal(0, exitCode);
        Assert.Contains("line 1", error);
        Assert.Contains("unpaired surrogate", error);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("b", JsonDocument.Parse(line).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Rules_check_prints_the_version_or_the_errors_with_a_non_zero_exit()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.yaml", "rules:\n  - { id: a, kind: terms, category: spam, weight: 1, terms: [buy] }\n");
        var bad = folder.Write("bad.yaml", "rules:\n  - { id: a, kind: nonsense, category: spam }\n");

        var (okExit, okOutput, _) = Run("rules", "check", good);
        Assert.Equal(0, okExit);
        Assert.Matches("version [0-9a-f]{12}", okOutput);

        var (badExit, badOutput, _) = Run("rules", "check", bad);
        Assert.NotEqual(0, badExit);
        Assert.Contains("bad.yaml:2: rule 'a'", badOutput);
    }

    [Fact]
    public void Eval_prints_the_tuning_and_the_checking_part_of_each_file()
    {
        using var folder = new TempFolder();
        var rows = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? $"{{\"id\": \"{i}\", \"text\": \"you idiot number {i}\", \"label\": 1}}"
            : $"{{\"id\": \"{i}\", \"text\": \"nice article number {i}\", \"label\": 0}}");
        folder.Write("set.jsonl", string.Join('\n', rows));
        var inTuning = Enumerable.Range(0, 40).Count(i => EvalSplit.PartOf(i % 2 == 0 ? $"you idiot number {i}" : $"nice article number {i}") == EvalPart.Tuning);

        var (exitCode, output, _) = Run("eval", "--input", folder.Path);

        Assert.Equal(0, exitCode);
        Assert.Matches($@"set\s+tuning\s+{inTuning}\s+1\.000\s+0\.000", output);
        Assert.Matches($@"set\s+checking\s+{40 - inTuning}\s+1\.000\s+0\.000", output);
    }

    [Fact]
    public void The_eval_split_is_stable_and_puts_seventy_percent_in_the_tuning_part()
    {
        var texts = Enumerable.Range(0, 10_000).Select(i => $"comment {i} about the council budget").ToArray();
        var tuning = texts.Count(text => EvalSplit.PartOf(text) == EvalPart.Tuning);

        Assert.InRange(tuning, 6_800, 7_200);
        Assert.All(texts.Take(100), text => Assert.Equal(EvalSplit.PartOf(text), EvalSplit.PartOf(new string(text.AsSpan()))));

        // Pinned: another hash would move rows between the parts and undo what "never tuned on" means.
        Assert.Equal("TTCTCTCTTCCT", string.Concat(texts.Take(12).Select(text => EvalSplit.PartOf(text) == EvalPart.Tuning ? 'T' : 'C')));
    }
}
