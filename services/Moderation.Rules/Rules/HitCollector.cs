using Moderation.Contracts;

namespace Moderation.Rules.Rules;

/// <summary>Collects the hits of one comment and sums the score. Reused per thread; allocates only when a rule fires.</summary>
internal sealed class HitCollector
{
    // Enough for a moderator to see why; the score still counts every match up to the rule's MaxCount.
    private const int MaxHitsPerRule = 10;

    private int[] _countPerRule = new int[64];
    private int[] _lastEndPerRule = new int[64];
    private int[] _lastHitPerRule = new int[64];
    private List<RuleHit>? _hits;

    public RuleAction HardestAction { get; private set; }

    public double Score { get; private set; }

    public void Reset(int ruleCount)
    {
        if (_countPerRule.Length < ruleCount)
        {
            _countPerRule = new int[ruleCount];
            _lastEndPerRule = new int[ruleCount];
            _lastHitPerRule = new int[ruleCount];
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
        // Several terms of one rule often find the same words ("sh1t" as shit* and *shit): one hit, counted once.
        var index = rule.Index;
        if (_countPerRule[index] > 0 && start < _lastEndPerRule[index] && length > 0)
        {
            var end = Math.Max(_lastEndPerRule[index], start + length);
            _lastEndPerRule[index] = end;
            if (_hits is not null && _lastHitPerRule[index] >= 0)
            {
                var previous = _hits[_lastHitPerRule[index]];
                var mergedStart = Math.Min(previous.Start, start);
                _hits[_lastHitPerRule[index]] = previous with
                {
                    Start = mergedStart,
                    Length = end - mergedStart,
                    Match = original.Substring(mergedStart, end - mergedStart),
                };
            }

            return;
        }

        _lastEndPerRule[index] = start + length;
        _lastHitPerRule[index] = -1;
        var count = ++_countPerRule[index];
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
            _lastHitPerRule[index] = _hits.Count;
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
