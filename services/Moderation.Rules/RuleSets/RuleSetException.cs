namespace Moderation.Rules.RuleSets;

/// <summary>A ruleset was refused; <see cref="Errors"/> says where and why.</summary>
public sealed class RuleSetException(IReadOnlyList<RuleSetError> errors)
    : Exception("Invalid ruleset: " + string.Join("; ", errors))
{
    public IReadOnlyList<RuleSetError> Errors { get; } = errors;
}
