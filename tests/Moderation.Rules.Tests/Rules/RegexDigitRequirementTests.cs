using System.Text.RegularExpressions;
using Moderation.Rules.Rules;

namespace Moderation.Rules.Tests.Rules;

public sealed class RegexDigitRequirementTests
{
    [Theory]
    [InlineData(@"\$\d+ (a|per) day")]
    [InlineData(@"\b(get|reach|hit)\s+\d[\d,.]*\s*k?\s+(subs|followers)\b")]
    [InlineData(@"call \d{3}")]
    [InlineData(@"[\d(|]x\d")]
    [InlineData(@"[a-z-[aeiou]]\d")]
    public void A_digit_outside_groups_and_alternation_is_required(string pattern) =>
        Assert.True(RegexDigitRequirement.Holds(new Regex(pattern)));

    [Theory]
    [InlineData(@"no digit")]
    [InlineData(@"\\d")] // a backslash and a 'd'
    [InlineData(@"a\d?")]
    [InlineData(@"a\d*")]
    [InlineData(@"a\d{0,3}")]
    [InlineData(@"\d+|free")] // top-level alternation
    [InlineData(@"(\d+)?x")] // inside a group
    [InlineData(@"[\d]x")] // inside a class
    [InlineData(@"(?i)\d")] // inline options
    [InlineData(@"(?#note)\d")] // a comment
    public void Anything_else_is_not_known_to_need_a_digit(string pattern) =>
        Assert.False(RegexDigitRequirement.Holds(new Regex(pattern)));

    [Fact]
    public void Free_spacing_patterns_are_not_read() =>
        Assert.False(RegexDigitRequirement.Holds(new Regex(@"x # \d", RegexOptions.IgnorePatternWhitespace)));

    [Theory]
    [InlineData("hit 100 subs", true)]
    [InlineData("hit ١٠٠ subs", true)] // Arabic-Indic digits are \d too
    [InlineData("hit many subs", false)]
    public void A_rule_that_needs_a_digit_still_fires_on_any_decimal_digit(string text, bool fires)
    {
        var ruleSet = TestRuleSets.Only("""
            rules:
              - id: goal
                kind: regex
                category: spam
                weight: 1
                pattern: "hit\\s+\\d+\\s+subs"
            """);
        Assert.True(((RegexRule)ruleSet.Rules.Single()).NeedsDigit);
        Assert.Equal(fires, TestRuleSets.Decide(text, ruleSet).Hits.Count == 1);
    }
}
