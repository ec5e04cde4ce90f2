using Moderation.Rules.Matching;

namespace Moderation.Rules.Rules;

/// <summary>
/// Fires when a term of <see cref="Terms"/> is followed, within <see cref="MaxWordsBetween"/> words of the same
/// sentence, by a term of <see cref="NearTerms"/>: "immigrants ... are vermin", "hate ... muslims". Both lists are
/// matched in the engine's single term pass, so this costs no extra scan of the text.
/// </summary>
public sealed class ProximityRule : Rule
{
    internal IReadOnlyList<TermPattern> Terms { get; init; } = [];

    internal IReadOnlyList<TermPattern> NearTerms { get; init; } = [];

    public int MaxWordsBetween { get; init; } = 5;

    public override string Kind => "proximity";

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        // Paired up by the engine from the shared term matches, see ModerationEngine.
    }
}
