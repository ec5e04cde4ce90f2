using Moderation.Rules.Matching;
using Moderation.Rules.Rules;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules;

/// <summary>
/// A compiled, immutable ruleset: the rules in force for a site, its thresholds, and the version recorded on every
/// decision. Build one with <see cref="RuleSetLoader"/>.
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(
        string version,
        double flagThreshold,
        double rejectThreshold,
        double maxPerCategory,
        IReadOnlyList<Rule> rules,
        IReadOnlyList<string> allowTerms,
        IReadOnlyList<string> sources)
    {
        Version = version;
        FlagThreshold = flagThreshold;
        RejectThreshold = rejectThreshold;
        MaxPerCategory = maxPerCategory;
        Rules = rules;
        AllowTerms = allowTerms;
        Sources = sources;

        var terms = new List<CompiledTerm>();
        var others = new List<Rule>();
        PairsNearTerms = new bool[rules.Count];
        for (var index = 0; index < rules.Count; index++)
        {
            rules[index].Index = index;
            var kind = RuleKinds.Of(rules[index]);
            PairsNearTerms[index] = kind.PairsNearTerms;
            if (kind.Terms is { } termsOf)
            {
                terms.AddRange(termsOf(rules[index], index));
            }
            else
            {
                others.Add(rules[index]);
            }
        }

        foreach (var allowed in allowTerms)
        {
            if (TermPattern.Parse(allowed, out _) is { } pattern)
            {
                terms.Add(new CompiledTerm(pattern, -1));
            }
        }

        Matcher = new TermMatcher(terms);
        OtherRules = [.. others];
        LookbackWindow = rules
            .Select(rule => RuleKinds.Of(rule).Lookback?.Invoke(rule) ?? TimeSpan.Zero)
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
    }

    /// <summary>First 12 hex digits of the SHA-256 of the layers' texts; recorded on every decision.</summary>
    public string Version { get; }

    /// <summary>How far back duplicate and flood rules look; the worker fetches that much of the author's history.</summary>
    public TimeSpan LookbackWindow { get; }

    /// <summary>A score at or above this flags the comment for a moderator.</summary>
    public double FlagThreshold { get; }

    /// <summary>A score at or above this rejects the comment outright.</summary>
    public double RejectThreshold { get; }

    /// <summary>Most one category adds to the score (infinity: no cap).</summary>
    public double MaxPerCategory { get; }

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<string> AllowTerms { get; }

    /// <summary>The layers this ruleset was built from, lowest first.</summary>
    public IReadOnlyList<string> Sources { get; }

    internal TermMatcher Matcher { get; }

    internal Rule[] OtherRules { get; }

    /// <summary>Per rule index: whether the engine pairs the rule's term matches with its near terms (<see cref="RuleKind.PairsNearTerms"/>).</summary>
    internal bool[] PairsNearTerms { get; }
}
