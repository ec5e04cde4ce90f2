using Moderation.Rules.Normalization;

namespace Moderation.Rules.Rules;

/// <summary>Everything a rule may look at for one comment.</summary>
internal sealed class EvaluationContext
{
    public CommentToModerate Comment { get; set; } = null!;

    public NormalizedText Text { get; set; } = null!;

    public IReadOnlyList<PriorComment> History { get; set; } = [];

    public string Original => Comment.Text;

    private IReadOnlyList<(int Start, int Length, string Host)>? _links;

    /// <summary>The links of the comment, found once however many link rules look at them.</summary>
    public IReadOnlyList<(int Start, int Length, string Host)> Links => _links ??= LinkFinder.FindAll(Original);

    public void Reset(
        CommentToModerate comment, NormalizedText text, IReadOnlyList<PriorComment> history,
        IReadOnlyList<(int Start, int Length, string Host)>? links = null)
    {
        Comment = comment;
        Text = text;
        History = history;
        _links = links;
    }
}
