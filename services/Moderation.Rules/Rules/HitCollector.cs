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

    // Spans that already added weight, per category: the same words found by two rules of one category count once.
    private string[] _scoredCategory = new string[16];
    private int[] _scoredStart = new int[16];
    private int[] _scoredEnd = new int[16];
    private double[] _scoredWeight = new double[16];
    private int _scoredCount;

    public RuleAction HardestAction { get; private set; }

    // Weight summed per category, and the largest single weight in it, so the ruleset's cap can apply.
    private readonly Dictionary<string, (double Sum, double Largest)> _weightPerCategory = new(StringComparer.Ordinal);

    /// <summary>
    /// The score: per category, the summed weight up to <paramref name="maxPerCategory"/>; one rule's weight always
    /// counts in full, the cap only stops many matches of one kind from adding up.
    /// </summary>
    public double Score(double maxPerCategory)
    {
        var score = 0.0;
        foreach (var (sum, largest) in _weightPerCategory.Values)
        {
            score += Math.Min(sum, Math.Max(maxPerCategory, largest));
        }

        return score;
    }

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
        _scoredCount = 0;
        HardestAction = RuleAction.None;
        _weightPerCategory.Clear();
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
            var added = WeightNotYetScored(rule.Category, start, start + length, rule.Weight);
            if (added > 0)
            {
                var (sum, largest) = _weightPerCategory.GetValueOrDefault(rule.Category);
                _weightPerCategory[rule.Category] = (sum + added, Math.Max(largest, rule.Weight));
            }
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

    /// <summary>
    /// The weight a hit adds: all of it for new words; for words a rule of the same category already scored, only
    /// what it weighs above that rule (so the heavier rule counts, whichever matched first).
    /// </summary>
    private double WeightNotYetScored(string category, int start, int end, double weight)
    {
        for (var i = 0; i < _scoredCount; i++)
        {
            if (start < _scoredEnd[i] && _scoredStart[i] < end && string.Equals(_scoredCategory[i], category, StringComparison.Ordinal))
            {
                var extra = Math.Max(0, weight - _scoredWeight[i]);
                _scoredWeight[i] = Math.Max(weight, _scoredWeight[i]);
                return extra;
            }
        }

        if (end > start)
        {
            if (_scoredCount == _scoredStart.Length)
            {
                Array.Resize(ref _scoredCategory, _scoredCount * 2);
                Array.Resize(ref _scoredStart, _scoredCount * 2);
                Array.Resize(ref _scoredEnd, _scoredCount * 2);
                Array.Resize(ref _scoredWeight, _scoredCount * 2);
            }

            _scoredCategory[_scoredCount] = category;
            _scoredStart[_scoredCount] = start;
            _scoredEnd[_scoredCount] = end;
            _scoredWeight[_scoredCount] = weight;
            _scoredCount++;
        }

        return weight;
    }

    public IReadOnlyList<RuleHit> TakeHits()
    {
        IReadOnlyList<RuleHit> hits = _hits is null ? [] : _hits;
        _hits = null;
        return hits;
    }
}
