using Moderation.Rules.Matching;
using Moderation.Rules.Rules;
using YamlDotNet.RepresentationModel;

namespace Moderation.Rules.RuleSets;

/// <summary>
/// Everything the parser and the engine need to know about one kind of rule, in one place: its YAML name and keys,
/// the category it gets when none is written, how to build it, the terms the engine matches together for it, and how
/// far back in the author's history it looks. Registered in <see cref="RuleKinds"/>.
/// </summary>
internal sealed record RuleKind(string Name, IReadOnlyList<string> Keys, Func<RuleSetParser, YamlMappingNode, Rule?> Parse)
{
    /// <summary>The category of a rule that names none; null: the rule must name one.</summary>
    public string? DefaultCategory { get; init; }

    /// <summary>The terms the engine matches for a rule (given its index) in its one pass; null: the rule evaluates itself.</summary>
    public Func<Rule, int, IEnumerable<CompiledTerm>>? Terms { get; init; }

    /// <summary>How far back the rule reads the author's history; null: it reads none.</summary>
    public Func<Rule, TimeSpan>? Lookback { get; init; }

    /// <summary>Whether the engine pairs the rule's term matches with its near-term matches instead of reporting them.</summary>
    public bool PairsNearTerms { get; init; }
}
