using BenchmarkDotNet.Attributes;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Benchmarks;

/// <summary>100 KB inputs built to hurt a matcher (target: under 50 ms each with the default pack).</summary>
public class PathologicalInputBenchmarks
{
    private const int Size = 100 * 1024;

    private readonly ModerationEngine _engine = new();
    private CommentToModerate _comment = null!;

    [Params("one-letter", "separators", "masks", "spelled-letters", "leet-digits", "dots", "repeated-words", "term-in-one-word", "repeated-term-words", "repeated-group-words", "references")]
    public string Shape { get; set; } = "one-letter";

    [GlobalSetup]
    public void Setup()
    {
        var text = Shape switch
        {
            "one-letter" => new string('a', Size),
            "separators" => new string('.', Size / 2) + new string('-', Size / 2),
            "spelled-letters" => string.Concat(Enumerable.Repeat("f . ", Size / 4)),
            "leet-digits" => string.Concat(Enumerable.Repeat("1", Size)),
            "dots" => string.Concat(Enumerable.Repeat("a.", Size / 2)),
            "masks" => "f" + new string('*', Size),
            "repeated-words" => string.Concat(Enumerable.Repeat("buy ", Size / 4)),
            "term-in-one-word" => string.Concat(Enumerable.Repeat("fuck", Size / 4)), // a match per 4 letters of one word
            "repeated-term-words" => string.Concat(Enumerable.Repeat("kill ", Size / 5)),
            "repeated-group-words" => string.Concat(Enumerable.Repeat("muslims ", Size / 8)), // a proximity term per word
            "references" => string.Concat(Enumerable.Repeat("&#8220;", Size / 7)),
            _ => throw new ArgumentOutOfRangeException(nameof(Shape)),
        };
        _comment = new CommentToModerate(Guid.Empty, "site", "author", text, DateTimeOffset.UnixEpoch);
    }

    [Benchmark]
    public Contracts.DecisionOutcome Decide() => _engine.Decide(_comment, RuleSetLoader.Default, []).Outcome;
}
