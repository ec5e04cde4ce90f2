using Moderation.Rules.Normalization;

namespace Moderation.Rules.Rules;

/// <summary>Everything a rule may look at for one comment.</summary>
internal sealed class EvaluationContext
{
    public CommentToModerate Comment { get; set; } = null!;

    public NormalizedText Text { get; set; } = null!;

    public IReadOnlyList<PriorComment> History { get; set; } = [];

    public string Original => Comment.Text;
}
