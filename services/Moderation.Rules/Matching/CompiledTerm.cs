namespace Moderation.Rules.Matching;

/// <summary>A term in a trie; <see cref="RuleIndex"/> is -1 for allow-list terms.</summary>
internal sealed record CompiledTerm(TermPattern Pattern, int RuleIndex)
{
    public bool IsAllowed => RuleIndex < 0;
}
