namespace Moderation.Rules.Tests.Matching;

public sealed class TermMatcherTests
{
    private static readonly RuleSet Profanity = TestRuleSets.Only("""
        allow: [scunthorpe, "cocktail*", "therapist*", "assassin*"]
        rules:
          - id: p
            kind: terms
            category: profanity
            action: flag
            terms: ["*fuck*", "shit*", "*cunt*", "cock*", "ass", "rapist", "kill yourself"]
        """);

    [Theory]
    [InlineData("f.u.c.k", "f.u.c.k")]
    [InlineData("you f u c k", "f u c k")]
    [InlineData("sh1t happens", "sh1t")]
    [InlineData("ѕhit", "ѕhit")]
    [InlineData("fuuuuck", "fuuuuck")]
    [InlineData("f*ck off", "f*ck")]
    [InlineData("what the FUCKING hell", "FUCKING")]
    [InlineData("motherfuckers", "motherfuckers")]
    [InlineData("a$$ hat", "a$$")]
    [InlineData("just kill   yourself", "kill   yourself")]
    [InlineData("shiiiiit", "shiiiiit")]
    public void Catches_evasions_and_reports_the_original_words(string text, string expectedMatch)
    {
        var decision = TestRuleSets.Decide(text, Profanity);
        var hit = Assert.Single(decision.Hits);
        Assert.Equal(expectedMatch, hit.Match);
        Assert.Equal(expectedMatch, text.Substring(hit.Start, hit.Length));
    }

    [Theory]
    [InlineData("Scunthorpe United")]
    [InlineData("an assassin")]
    [InlineData("a cocktail party")]
    [InlineData("my therapist")]
    [InlineData("pass the class, as usual")]
    [InlineData("shift happens")]
    public void Passes_innocent_words_that_contain_a_term(string text) =>
        Assert.Empty(TestRuleSets.Decide(text, Profanity).Hits);

    [Fact]
    public void Whole_word_terms_do_not_match_inside_words()
    {
        Assert.Empty(TestRuleSets.Decide("grapist", Profanity).Hits);
        Assert.Single(TestRuleSets.Decide("a rapist", Profanity).Hits);
    }
}
