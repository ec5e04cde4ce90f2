namespace Moderation.Rules.Rules;

/// <summary>Fires on shouting: a share of capital letters at or above <see cref="MaxShare"/> in a long enough text.</summary>
public sealed class CapitalsRule : Rule
{
    public int MinLetters { get; init; } = 20;

    public double MaxShare { get; init; } = 0.7;

    public override string Kind => "capitals";

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        var text = context.Text;
        if (text.LetterCount >= MinLetters && text.UpperCaseCount >= MaxShare * text.LetterCount)
        {
            hits.Add(this, context.Original, 0, context.Original.Length);
        }
    }
}
