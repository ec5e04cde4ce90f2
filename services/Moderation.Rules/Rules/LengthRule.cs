namespace Moderation.Rules.Rules;

/// <summary>Fires when the comment is shorter or longer than the site accepts.</summary>
public sealed class LengthRule : Rule
{
    public int? MinChars { get; init; }

    public int? MaxChars { get; init; }

    public override string Kind => "length";

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        var length = context.Original.AsSpan().Trim().Length;
        if (MinChars is { } min && length < min || MaxChars is { } max && length > max)
        {
            hits.Add(this, context.Original, 0, context.Original.Length);
        }
    }
}
