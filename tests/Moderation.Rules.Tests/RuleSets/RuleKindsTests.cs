using Moderation.Rules.Rules;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Tests.RuleSets;

public sealed class RuleKindsTests
{
    [Fact]
    public void Every_rule_class_has_one_entry_in_the_table_and_every_entry_builds_its_class()
    {
        var ruleClasses = typeof(Rule).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(Rule)) && !type.IsAbstract).ToArray();
        Assert.Equal(ruleClasses.Length, RuleKinds.All.Count);
        Assert.Equal(RuleKinds.All.Count, RuleKinds.Names.Distinct().Count());

        foreach (var kind in RuleKinds.All)
        {
            var keys = kind.Name switch
            {
                "terms" => "terms: [widget]",
                "proximity" => "terms: [you], near: [widget]",
                "regex" => "pattern: widget",
                "length" => "max_chars: 100",
                "repetition" => "max_char_run: 10",
                _ => string.Empty,
            };
            var yaml = $"rules:\n  - {{ id: r, kind: {kind.Name}, category: c, action: flag{(keys.Length > 0 ? ", " + keys : string.Empty)} }}\n";
            var rule = Assert.Single(TestRuleSets.Only(yaml).Rules);
            Assert.Equal(kind.Name, rule.Kind);
            Assert.Same(kind, RuleKinds.Of(rule));
        }
    }

    [Fact]
    public void The_parser_takes_keys_and_default_categories_from_the_table()
    {
        var errors = RuleSetLoader.Validate([new RuleSetSource("x.yaml", "rules:\n  - { id: r, kind: flood, action: flag, terms: [x] }\n")]);
        Assert.Contains(errors, error => error.Message == "unknown key 'terms' for a flood rule");

        var flood = Assert.Single(TestRuleSets.Only("rules:\n  - { id: r, kind: flood, action: flag, window: 2h }\n").Rules);
        Assert.Equal("flood", flood.Category);
        Assert.Equal(TimeSpan.FromHours(2), TestRuleSets.Only("rules:\n  - { id: r, kind: flood, action: flag, window: 2h }\n").LookbackWindow);

        var unknown = RuleSetLoader.Validate([new RuleSetSource("x.yaml", "rules:\n  - { id: r, kind: nonsense, action: flag }\n")]);
        Assert.Contains(unknown, error => error.Message.StartsWith("'kind' must be one of terms, proximity, regex, links", StringComparison.Ordinal));
    }
}
