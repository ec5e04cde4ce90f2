using Moderation.Rules.Matching;
using Moderation.Rules.Normalization;
using Moderation.Rules.Rules;

namespace Moderation.Rules;

/// <summary>The buffers one thread reuses from comment to comment, so deciding a comment allocates almost nothing.</summary>
internal sealed class EngineScratch
{
    [ThreadStatic]
    private static EngineScratch? t_current;

    public static EngineScratch Current => t_current ??= new EngineScratch();

    public TextNormalizer Normalizer { get; } = new();

    public NormalizedText Text { get; } = new();

    public TermMatches Matches { get; } = new();

    public HitCollector Hits { get; } = new();

    public EvaluationContext Context { get; } = new();

    /// <summary>Indexes into <see cref="Matches"/> of proximity-rule terms, paired up after the term pass.</summary>
    public List<int> ProximityMatches { get; } = [];
}
