namespace Moderation.Rules.Rules;

/// <summary>Fires when the author already posted <see cref="MaxComments"/> or more comments within <see cref="Window"/>.</summary>
public sealed class FloodRule : Rule
{
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);

    public int MaxComments { get; init; } = 5;

    public override string Kind => "flood";

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        var since = context.Comment.SubmittedAt - Window;
        var recent = 0;
        foreach (var prior in context.History)
        {
            if (prior.SubmittedAt >= since && prior.SubmittedAt <= context.Comment.SubmittedAt && prior.CommentId != context.Comment.CommentId)
            {
                recent++;
            }
        }

        if (recent >= MaxComments)
        {
            hits.Add(this, context.Original, 0, 0);
        }
    }
}
