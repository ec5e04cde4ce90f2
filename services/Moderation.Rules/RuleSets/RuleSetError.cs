namespace Moderation.Rules.RuleSets;

/// <summary>One problem in a ruleset file: where it is and what is wrong.</summary>
public sealed record RuleSetError(string File, int Line, string? Rule, string Message)
{
    public override string ToString() =>
        Rule is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: rule '{Rule}': {Message}";
}
