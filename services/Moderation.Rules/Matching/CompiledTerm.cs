namespace Moderation.Rules.Matching;

/// <summary>
/// A term in a trie; <see cref="RuleIndex"/> is -1 for allow-list terms. <see cref="IsNear"/> marks the second
/// list of a proximity rule.
/// </summary>
internal sealed record CompiledTerm(TermPattern Pattern, int RuleIndex, bool IsNear = false)
{
    public bool IsAllowed => RuleIndex < 0;
}
