using Moderation.Contracts;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Tests.RuleSets;

public sealed class RuleSetLoaderTests
{
    [Fact]
    public void Reports_each_error_with_file_line_and_rule()
    {
        const string yaml = """
            rules:
              - id: good
                kind: terms
                category: spam
                terms: [buy]
              - id: broken
                kind: terms
                category: spam
                weight: lots
                terms: [sell]
              - id: bad-regex
                kind: regex
                category: spam
                pattern: "(unclosed"
              - id: typo
                kind: terms
                category: spam
                trems: [x]
            """;
        var exception = Assert.Throws<RuleSetException>(() => RuleSetLoader.Compile([new RuleSetSource("site.yaml", yaml)]));
        Assert.Contains(exception.Errors, e => e is { File: "site.yaml", Line: 9, Rule: "broken" } && e.Message.Contains("number"));
        Assert.Contains(exception.Errors, e => e is { File: "site.yaml", Line: 14, Rule: "bad-regex" });
        Assert.Contains(exception.Errors, e => e is { File: "site.yaml", Line: 18, Rule: "typo" } && e.Message.Contains("trems"));
        Assert.DoesNotContain(exception.Errors, e => e.Rule == "good");
    }

    [Fact]
    public void Reports_invalid_yaml_with_its_line()
    {
        var errors = RuleSetLoader.Validate([new RuleSetSource("x.yaml", "rules:\n  - id: a\n   kind: [terms\n")]);
        var error = Assert.Single(errors);
        Assert.Equal("x.yaml", error.File);
        Assert.True(error.Line >= 2, $"line {error.Line}");
    }

    [Fact]
    public void Site_file_overrides_extends_and_disables_rules_of_the_layers_below()
    {
        using var folder = new TempFolder();
        folder.Write("default.yaml", """
            thresholds: { flag: 1.0, reject: 5.0 }
            rules:
              - { id: house.words, kind: terms, category: spam, weight: 1, terms: [widget] }
            """);
        folder.Write("sites/strict.yaml", """
            thresholds: { reject: 2.0 }
            disable: [profanity.mild]
            rules:
              - { id: house.words, kind: terms, category: spam, action: reject, terms: [widget, gadget] }
            """);

        var general = RuleSetLoader.LoadPath(folder.Path, "other-site");
        var strict = RuleSetLoader.LoadPath(folder.Path, "strict");

        Assert.Equal(DecisionOutcome.Flag, TestRuleSets.Decide("a widget", general).Outcome);
        Assert.Equal(DecisionOutcome.Approve, TestRuleSets.Decide("a gadget", general).Outcome);
        Assert.Equal(DecisionOutcome.Reject, TestRuleSets.Decide("a gadget", strict).Outcome);
        Assert.Equal(2.0, strict.RejectThreshold);
        Assert.Equal(1.0, strict.FlagThreshold);
        Assert.Contains(general.Rules, rule => rule.Id == "profanity.mild");
        Assert.DoesNotContain(strict.Rules, rule => rule.Id == "profanity.mild");
        Assert.Contains(strict.Rules, rule => rule.Id == "profanity.strong"); // inherited from the embedded pack
        Assert.NotEqual(general.Version, strict.Version);
    }

    [Fact]
    public void Version_is_a_content_hash()
    {
        var a = RuleSetLoader.Compile([new RuleSetSource("a.yaml", "rules: []")]);
        var b = RuleSetLoader.Compile([new RuleSetSource("b.yaml", "rules: []")]);
        var c = RuleSetLoader.Compile([new RuleSetSource("a.yaml", "rules: [] # changed")]);
        Assert.Equal(a.Version, b.Version);
        Assert.NotEqual(a.Version, c.Version);
        Assert.Matches("^[0-9a-f]{12}$", a.Version);
    }

    [Fact]
    public void Default_pack_compiles()
    {
        var pack = RuleSetLoader.Default;
        Assert.NotEmpty(pack.Rules);
        Assert.True(pack.LookbackWindow > TimeSpan.Zero);
    }
}
