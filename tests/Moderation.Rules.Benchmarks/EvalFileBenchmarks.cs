using BenchmarkDotNet.Attributes;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Benchmarks;

/// <summary>
/// One operation = one comment, so the Allocated column reads as bytes per comment (target: at most 1 KB) and
/// Mean as time per comment. Each invocation decides a whole eval file with the default pack.
/// </summary>
public class EvalFileBenchmarks
{
    private CommentToModerate[] _comments = [];
    private readonly ModerationEngine _engine = new();
    private RuleSet _ruleSet = null!;

    [Params("civil-comments", "youtube-spam", "obfuscated-profanity", "ethos-hate")]
    public string File { get; set; } = "civil-comments";

    public int Count => _comments.Length;

    [GlobalSetup]
    public void Setup()
    {
        _ruleSet = RuleSetLoader.Default;
        _comments = [.. EvalFiles.Texts(File).Select(text => new CommentToModerate(Guid.Empty, "site", "author", text, DateTimeOffset.UnixEpoch))];
    }

    [Benchmark(OperationsPerInvoke = OperationsPerFile)]
    public int DecideEveryComment()
    {
        // OperationsPerInvoke must be a constant: the loop decides the file's comments round-robin up to it.
        var flagged = 0;
        for (var i = 0; i < OperationsPerFile; i++)
        {
            if (_engine.Decide(_comments[i % _comments.Length], _ruleSet, []).Outcome != Contracts.DecisionOutcome.Approve)
            {
                flagged++;
            }
        }

        return flagged;
    }

    private const int OperationsPerFile = 500;
}
