namespace Moderation.Rules.RuleSets;

/// <summary>The text of one ruleset layer and the name it is reported under (usually its file path).</summary>
public sealed record RuleSetSource(string Name, string Text);
