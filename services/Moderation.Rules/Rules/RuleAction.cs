namespace Moderation.Rules.Rules;

/// <summary>What a rule does on its own when it fires, beyond adding its weight to the score.</summary>
public enum RuleAction
{
    None,
    Flag,
    Reject,
}
