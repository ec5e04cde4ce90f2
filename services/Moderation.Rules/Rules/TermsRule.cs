using Moderation.Rules.Matching;

namespace Moderation.Rules.Rules;

/// <summary>A list of words and phrases; all term rules of a ruleset are matched together in one pass.</summary>
public sealed class TermsRule : Rule
{
    internal IReadOnlyList<TermPattern> Terms { get; init; } = [];

    public override string Kind => "terms";

    public IEnumerable<string> WrittenTerms => Terms.Select(term => term.Written);

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        // Matched by the engine with every other term rule, see ModerationEngine.
    }
}
