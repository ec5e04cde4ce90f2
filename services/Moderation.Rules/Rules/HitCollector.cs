using Moderation.Contracts;

namespace Moderation.Rules.Rules;

/// <summary>Collects the hits of one comment and sums the score. Reused per thread; allocates only when a rule fires.</summary>
internal sealed class HitCollector
{
    // Enough for a moderator to see why; the score still counts every match up to the rule's MaxCount.
    private const int MaxHitsPerRule = 10;

    private int[] _countPerRule = new int[64];
    private List<RuleHit>? _hits;

    public RuleAction HardestAction { get; private set; }

    public double Score { get; private set; }

    public void Reset(int ruleCount)
    {
        if (_countPerRule.Length < ruleCount)
        {
            _countPerRule = new int[ruleCount];
        }
        else
        {
            Array.Clear(_countPerRule, 0, ruleCount);
        }

        _hits = null;
        HardestAction = RuleAction.None;
        Score = 0;
    }

    public void Add(Rule rule, string original, int start, int length)
    {
        var count = ++_countPerRule[rule.Index];
        if (count <= rule.MaxCount)
        {
            Score += rule.Weight;
        }

        if (rule.Action > HardestAction)
        {
            HardestAction = rule.Action;
        }

        if (count <= MaxHitsPerRule)
        {
            _hits ??= new List<RuleHit>(4);
            _hits.Add(new RuleHit(rule.Id, rule.Category, rule.Severity, start, length, original.Substring(start, length)));
        }
    }

    public IReadOnlyList<RuleHit> TakeHits()
    {
        IReadOnlyList<RuleHit> hits = _hits is null ? [] : _hits;
        _hits = null;
        return hits;
    }
}
