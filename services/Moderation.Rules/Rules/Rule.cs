namespace Moderation.Rules.Rules;

/// <summary>One rule of a ruleset: identity, what it does when it fires, and how it looks at a comment.</summary>
public abstract class Rule
{
    public string Id { get; internal set; } = string.Empty;

    public string Category { get; internal set; } = string.Empty;

    public string Severity { get; internal set; } = "medium";

    public RuleAction Action { get; internal set; }

    /// <summary>Added to the score once per match, up to <see cref="MaxCount"/> matches.</summary>
    public double Weight { get; internal set; }

    public int MaxCount { get; internal set; } = 1;

    public RuleCondition? When { get; internal set; }

    /// <summary>Where the rule was written, for error messages.</summary>
    public string SourceFile { get; internal set; } = string.Empty;

    public int SourceLine { get; internal set; }

    public abstract string Kind { get; }

    internal int Index { get; set; }

    internal bool AppliesTo(CommentToModerate comment) => When is null || When.AppliesTo(comment);

    /// <summary>Looks at the comment and reports hits. Term rules are matched together by the engine instead.</summary>
    internal abstract void Evaluate(EvaluationContext context, HitCollector hits);
}
