using System.Text.Json;
using System.Text.RegularExpressions;

namespace Moderation.Rules.Tests;

/// <summary>
/// No text of the shared eval sets may be copied into the project: a rule, example or test built from a row measures
/// the sample, not the rules. Fails on any run of seven words of an eval row, or an @-handle named in one, found in a
/// file of the repository.
/// </summary>
public sealed partial class EvalTextLeakTests
{
    private const int WordsInARun = 7;

    private static readonly HashSet<string> SkippedFolders = ["bin", "obj", ".git", "TestResults", "node_modules"];
    private static readonly HashSet<string> TextExtensions =
        [".cs", ".yaml", ".yml", ".md", ".json", ".jsonl", ".js", ".mjs", ".ts", ".html", ".css", ".sh", ".txt", ".csproj", ".props", ".xml", ".conf", ""];

    [SkippableFact]
    public void No_file_of_the_repository_quotes_an_eval_row_or_names_its_handles()
    {
        var eval = EvalFolder.Find();
        Skip.If(eval is null, "../shared/eval is not next to the repository");
        var repository = EvalFolder.Repository()!;

        var runs = new Dictionary<string, string>(StringComparer.Ordinal);
        var handles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(eval, "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file))
            {
                using var row = JsonDocument.Parse(line);
                var text = row.RootElement.GetProperty("text").GetString() ?? string.Empty;
                var id = row.RootElement.GetProperty("id").ToString();
                foreach (var run in Runs(text))
                {
                    runs.TryAdd(run, id);
                }

                foreach (Match handle in Handle().Matches(text))
                {
                    handles.Add(handle.Groups[1].Value);
                }
            }
        }

        Assert.True(runs.Count > 1000, "the eval sets gave too few word runs to compare with");
        var leaks = new List<string>();
        foreach (var file in RepositoryFiles(repository))
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(repository, file);
            leaks.AddRange(Runs(text).Where(runs.ContainsKey).Distinct().Select(run => $"{relative}: \"{run}\" (eval row {runs[run]})"));
            leaks.AddRange(Handle().Matches(text).Select(match => match.Groups[1].Value).Where(handles.Contains).Distinct()
                .Select(handle => $"{relative}: @{handle} is an account named in the eval sets"));
        }

        Assert.True(leaks.Count == 0, "eval text in the project:\n" + string.Join('\n', leaks.Take(30)));
    }

    [Fact]
    public void Runs_are_word_sequences_that_ignore_case_and_punctuation()
    {
        Assert.Equal(["one two three four five six seven", "two three four five six seven eight"], Runs("One, two; THREE four-five six seven eight"));
        Assert.Empty(Runs("only six words in this one"));
    }

    private static IEnumerable<string> RepositoryFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (TextExtensions.Contains(Path.GetExtension(file)) && new FileInfo(file).Length < 2_000_000)
            {
                yield return file;
            }
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (SkippedFolders.Contains(Path.GetFileName(child)))
            {
                continue;
            }

            foreach (var file in RepositoryFiles(child))
            {
                yield return file;
            }
        }
    }

    private static List<string> Runs(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(match => match.Value).ToArray();
        var runs = new List<string>();
        for (var i = 0; i + WordsInARun <= words.Length; i++)
        {
            runs.Add(string.Join(' ', words, i, WordsInARun));
        }

        return runs;
    }

    [GeneratedRegex("[a-z0-9']+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<![\w.])@(\w{4,})")]
    private static partial Regex Handle();
}
