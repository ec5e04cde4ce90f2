using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Tests;

/// <summary>Builds small rulesets and comments for tests.</summary>
internal static class TestRuleSets
{
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A ruleset of only the given YAML (no default pack), so a test sees exactly its own rules.</summary>
    public static RuleSet Only(string yaml) =>
        RuleSetLoader.Compile([new RuleSetSource("test.yaml", "inherit: false\n" + yaml)]);

    public static CommentToModerate Comment(string text, int? accountAgeDays = null, int? approvedComments = null) =>
        new(Guid.NewGuid(), "site-a", "author-1", text, Now, accountAgeDays, approvedComments);

    public static EngineDecision Decide(string text, RuleSet ruleSet, IReadOnlyList<PriorComment>? history = null) =>
        new ModerationEngine().Decide(Comment(text), ruleSet, history ?? []);
}
