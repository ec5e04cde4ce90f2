using System.Globalization;
using Moderation.Cli.Io;
using Moderation.Contracts;
using Moderation.Rules;

namespace Moderation.Cli.Commands;

/// <summary>What a <c>diff</c> counted: moves between outcomes, the rules behind them and a few examples of each.</summary>
internal sealed class DiffReport(int examplesPerMove)
{
    private readonly Dictionary<(DecisionOutcome From, DecisionOutcome To), int> _moves = [];
    private readonly Dictionary<(DecisionOutcome From, DecisionOutcome To), List<string>> _examples = [];
    private readonly Dictionary<string, Dictionary<(DecisionOutcome From, DecisionOutcome To), int>> _rules = new(StringComparer.Ordinal);
    private int _comments;

    public void Add(LabeledComment row, EngineDecision before, EngineDecision after)
    {
        _comments++;
        if (before.Outcome == after.Outcome)
        {
            return;
        }

        var move = (before.Outcome, after.Outcome);
        _moves[move] = _moves.GetValueOrDefault(move) + 1;
        var old = before.Hits.Select(hit => hit.Rule).ToHashSet(StringComparer.Ordinal);
        var @new = after.Hits.Select(hit => hit.Rule).ToHashSet(StringComparer.Ordinal);
        var changes = @new.Where(rule => !old.Contains(rule)).Order(StringComparer.Ordinal).Select(rule => "+" + rule)
            .Concat(old.Where(rule => !@new.Contains(rule)).Order(StringComparer.Ordinal).Select(rule => "-" + rule))
            .ToList();
        if (changes.Count == 0)
        {
            // The same rules fired: the score or a threshold moved it.
            changes.Add($"score {before.Score.ToString(CultureInfo.InvariantCulture)} -> {after.Score.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var change in changes)
        {
            var byMove = _rules.TryGetValue(change, out var counts) ? counts : _rules[change] = [];
            byMove[move] = byMove.GetValueOrDefault(move) + 1;
        }

        var examples = _examples.TryGetValue(move, out var list) ? list : _examples[move] = [];
        if (examples.Count < examplesPerMove)
        {
            var text = row.Text.ReplaceLineEndings(" ");
            examples.Add($"  {row.IdJson}  {string.Join(' ', changes)}  \"{(text.Length <= 100 ? text : text[..97] + "...")}\"");
        }
    }

    public void Write(TextWriter output)
    {
        var moved = _moves.Values.Sum();
        var share = _comments == 0 ? 0 : 100.0 * moved / _comments;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{_comments} comments: {moved} change decision ({share:0.00} %), {_comments - moved} keep it"));
        if (moved == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{"move",-20} {"comments",8}");
        foreach (var (move, count) in Ordered(_moves))
        {
            output.WriteLine($"{Name(move),-20} {count,8}");
        }

        output.WriteLine();
        output.WriteLine($"{"rule (+ fired only in new, - only in old)",-44} {"comments",8}  moves");
        foreach (var (rule, byMove) in _rules.OrderByDescending(pair => pair.Value.Values.Sum()).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var moves = string.Join(", ", Ordered(byMove).Select(pair => $"{Name(pair.Key)} {pair.Value}"));
            output.WriteLine($"{rule,-44} {byMove.Values.Sum(),8}  {moves}");
        }

        foreach (var (move, count) in Ordered(_moves))
        {
            output.WriteLine();
            output.WriteLine($"{Name(move)} ({count}), for example:");
            foreach (var example in _examples[move])
            {
                output.WriteLine(example);
            }
        }
    }

    private static IEnumerable<KeyValuePair<(DecisionOutcome From, DecisionOutcome To), int>> Ordered(
        Dictionary<(DecisionOutcome From, DecisionOutcome To), int> counts) =>
        counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key.From).ThenBy(pair => pair.Key.To);

    private static string Name((DecisionOutcome From, DecisionOutcome To) move) =>
        $"{move.From.ToString().ToLowerInvariant()} -> {move.To.ToString().ToLowerInvariant()}";
}
