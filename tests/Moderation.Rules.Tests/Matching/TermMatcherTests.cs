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

    private static readonly RuleSet Doubles = TestRuleSets.Only("""
        rules:
          - { id: d, kind: terms, category: profanity, action: flag, terms: ["bollock*", "tosser*", coons, "shoot him"] }
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
    [InlineData("you f!u!c!k", "f!u!c!k")] // spelled out with a symbol that elsewhere reads as a letter
    [InlineData("s|h|i|t show", "s|h|i|t")]
    [InlineData("what a f+u+c+k up", "f+u+c+k")]
    [InlineData("sit on your @$$", "@$$")] // a word of symbols alone, mixing two
    [InlineData("you <unt", "<unt")] // '<' for a c at the start of a word
    [InlineData("<ock and bull", "<ock")]
    [InlineData("oh f uck", "f uck")] // split after its first letter
    [InlineData("such s hit today", "s hit")]
    [InlineData("fu@k off", "fu@k")] // '@' and '$' also mask a letter they do not read as
    [InlineData("you f$cking fool", "f$cking")]
    public void Catches_symbol_and_spacing_evasions(string text, string expectedMatch)
    {
        var decision = TestRuleSets.Decide(text, Profanity);
        var hit = Assert.Single(decision.Hits);
        Assert.Equal(expectedMatch, hit.Match);
        Assert.Equal(expectedMatch, text.Substring(hit.Start, hit.Length));
    }

    [Theory]
    [InlineData("wow!!! great")] // emphasis, not a spelling
    [InlineData("a!b!c")] // alternating, but no term
    [InlineData("it costs $$$ and more $$")] // one symbol alone is money
    [InlineData("see <br> and <3 you")] // markup and hearts
    [InlineData("it is a ss thing")] // "a" is a word, not a split-off first letter: vowels never join the next word
    [InlineData("the U S hit back")] // a row of initials is no split word
    [InlineData("J K Rowling and T S Eliot")]
    [InlineData("email me at sam@shore.example")] // an address: the mask never starts a word
    public void Passes_symbols_and_spacing_that_are_no_evasion(string text) =>
        Assert.Empty(TestRuleSets.Decide(text, Profanity).Hits);

    [Theory]
    [InlineData("what loosers", "loosers")]
    [InlineData("what looooosers", "looooosers")]
    [InlineData("what losers", "losers")]
    public void Stretched_writing_is_found_even_when_another_term_goes_on_with_the_repeated_letter(string text, string expectedMatch)
    {
        // "look down" continues "lo" with a second o: the walk must still try the doubled o as stretched writing.
        var withoutNeighbour = TestRuleSets.Only("rules:\n  - { id: i, kind: terms, category: insult, action: flag, terms: [losers] }\n");
        var withNeighbour = TestRuleSets.Only("rules:\n  - { id: i, kind: terms, category: insult, action: flag, terms: [losers, look down] }\n");

        Assert.Equal(expectedMatch, Assert.Single(TestRuleSets.Decide(text, withoutNeighbour).Hits).Match);
        Assert.Equal(expectedMatch, Assert.Single(TestRuleSets.Decide(text, withNeighbour).Hits).Match);
        Assert.Equal("look down", Assert.Single(TestRuleSets.Decide("they look down on us", withNeighbour).Hits).Match);
    }

    [Theory]
    [InlineData("ass", "ass")]
    [InlineData("you ass", "ass")]
    [InlineData("sh1t", "sh1t")]
    [InlineData("f*ck", "f*ck")]
    [InlineData("cocks.", "cocks")]
    public void Finds_terms_at_the_end_of_a_text_where_the_start_check_reads_past_the_last_element(string text, string expectedMatch) =>
        Assert.Equal(expectedMatch, Assert.Single(TestRuleSets.Decide(text, Profanity).Hits).Match);

    [Theory]
    [InlineData("Scunthorpe United")]
    [InlineData("an assassin")]
    [InlineData("a cocktail party")]
    [InlineData("my therapist")]
    [InlineData("pass the class, as usual")]
    [InlineData("shift happens")]
    public void Passes_innocent_words_that_contain_a_term(string text) =>
        Assert.Empty(TestRuleSets.Decide(text, Profanity).Hits);

    [Theory]
    [InlineData("covid19 is over", "covid19")]
    [InlineData("web3 scams", "web3")]
    [InlineData("follow for sub4sub", "sub4sub")]
    [InlineData("call 911 now", "911")]
    public void Terms_with_digits_in_a_word_match_the_same_word_in_a_comment(string text, string expectedMatch)
    {
        // A comment's digits inside a word read as letters (sh1t), so a term's digits must be read the same way.
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: d, kind: terms, category: spam, action: flag, terms: [covid19, web3, sub4sub, \"911\"] }\n");
        Assert.Equal(expectedMatch, Assert.Single(TestRuleSets.Decide(text, ruleSet).Hits).Match);
        Assert.Empty(TestRuleSets.Decide("covid 19 and web 3", ruleSet).Hits);
    }

    [Theory]
    [InlineData("just killyourself now", "killyourself")] // a phrase written as one word
    [InlineData("KillYourSelf", "KillYourSelf")]
    [InlineData("go kill-yourself", "kill-yourself")]
    [InlineData("kill yourselfff", "kill yourselfff")]
    public void Phrases_run_together_still_match(string text, string expectedMatch)
    {
        Assert.Equal([expectedMatch], TestRuleSets.Decide(text, Profanity).Hits.Select(hit => hit.Match));
    }

    [Theory]
    [InlineData("skillyourself")] // the run-together phrase still starts and ends at word boundaries
    [InlineData("killyourselfie")]
    [InlineData("kill yours elf")]
    public void Run_together_phrases_keep_their_word_boundaries(string text)
    {
        Assert.Empty(TestRuleSets.Decide(text, Profanity).Hits);
    }

    [Theory]
    [InlineData("you bolocks", "bolocks")] // a doubled letter of a long one-word term written once
    [InlineData("utter bollocks", "bollocks")]
    [InlineData("total tosers", "tosers")]
    public void A_doubled_letter_of_a_long_word_may_be_written_once(string text, string expectedMatch)
    {
        Assert.Equal([expectedMatch], TestRuleSets.Decide(text, Doubles).Hits.Select(hit => hit.Match));
    }

    [Fact]
    public void An_allowed_word_hides_only_the_spelling_it_was_written_in()
    {
        var ruleSet = TestRuleSets.Only("allow: [bollocks]\nrules:\n  - { id: d, kind: terms, category: profanity, action: flag, terms: [\"bollock*\"] }\n");
        Assert.Empty(TestRuleSets.Decide("bollocks", ruleSet).Hits);
        Assert.Single(TestRuleSets.Decide("bolocks", ruleSet).Hits);
    }

    [Theory]
    [InlineData("read the cons")] // a short term keeps its one spelling
    [InlineData("the police shot him")] // so does a phrase
    [InlineData("moxtosers")] // and a term anchored at a word start stays there
    public void Short_terms_phrases_and_allowed_words_keep_their_doubled_letters(string text)
    {
        Assert.Empty(TestRuleSets.Decide(text, Doubles).Hits);
    }

    [Theory]
    [InlineData("&#8220;@shitposter: nice&#8221;")] // an escaped quote before a mention: the name is not the author's word
    [InlineData("&ldquo;@shitposter: nice&rdquo;")]
    [InlineData("we walked home to the ras\u2026")] // a word cut short at the end is not the word it starts
    [InlineData("we walked home to the ras&#8230;")]
    public void Html_references_and_words_cut_short_at_the_end_are_read_as_written(string text)
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: w, kind: terms, category: profanity, action: flag, terms: [\"*shit*\", ras] }\n");
        Assert.Empty(TestRuleSets.Decide(text, ruleSet).Hits);
    }

    [Theory]
    [InlineData("you &#115;hit", "&#115;hit")] // a reference to a letter is that letter, its span the reference
    [InlineData("sh&#x131;t happens", "sh&#x131;t")]
    [InlineData("what a ras\u2026 no, a rascal", "ras")] // an ellipsis inside the text cuts nothing
    [InlineData("ras &#8230;", "ras")]
    public void Html_references_read_as_their_characters(string text, string expectedMatch)
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: w, kind: terms, category: profanity, action: flag, terms: [\"shit*\", ras] }\n");
        Assert.Equal([expectedMatch], TestRuleSets.Decide(text, ruleSet).Hits.Select(hit => hit.Match));
    }

    [Theory]
    [InlineData("you fuxking idiot", "fuxking")] // an x for a c, as k already is
    [InlineData("what a coxk", "coxk")]
    public void An_x_may_stand_for_a_c(string text, string expectedMatch)
    {
        Assert.Equal([expectedMatch], TestRuleSets.Decide(text, Profanity).Hits.Select(hit => hit.Match));
        Assert.Empty(TestRuleSets.Decide("six foxes in a box, fixed", Profanity).Hits);
    }

    [Theory]
    [InlineData("https://ex")] // an address cut short, no link: its "://" still ends a word
    [InlineData("see https://example")]
    public void The_scheme_of_an_address_joins_no_word(string text)
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: s, kind: terms, category: sexual, action: flag, terms: [\"*sex*\"] }\n");
        Assert.Empty(TestRuleSets.Decide(text, ruleSet).Hits);
        Assert.Single(TestRuleSets.Decide("s.e.x", ruleSet).Hits);
    }

    [Fact]
    public void Every_match_inside_one_long_word_reports_that_word()
    {
        var word = string.Concat(Enumerable.Repeat("fuxk", 2_000));
        var hits = TestRuleSets.Decide($"oh {word} and more", Profanity).Hits;
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Equal(word, hit.Match));

        var phrase = TestRuleSets.Only("rules:\n  - { id: k, kind: terms, category: threat, action: flag, terms: [\"*go kill*\"] }\n");
        Assert.Equal(["ego killers"], TestRuleSets.Decide("an ego killers club", phrase).Hits.Select(hit => hit.Match));
    }

    [Fact]
    public void Whole_word_terms_do_not_match_inside_words()
    {
        Assert.Empty(TestRuleSets.Decide("grapist", Profanity).Hits);
        Assert.Single(TestRuleSets.Decide("a rapist", Profanity).Hits);
    }

    [Theory]
    [InlineData("you shit", "shit")] // a term that ends the text
    [InlineData("shit", "shit")]
    [InlineData("s h i t happens", "s h i t")]
    [InlineData("ffffuck off", "ffffuck")] // a stretched first letter
    [InlineData("f.uck", "f.uck")] // a soft separator right after the first letter
    [InlineData("f**k", "f**k")] // masks right after the first letter
    [InlineData("kill yourself", "kill yourself")] // a phrase whose second word starts at the third element
    [InlineData("KILL\nYOURSELF", "KILL\nYOURSELF")]
    [InlineData("motherfuck", "motherfuck")] // a floating term that starts deep in a word
    public void Finds_terms_wherever_the_start_filter_looks(string text, string expectedMatch)
    {
        var decision = TestRuleSets.Decide(text, Profanity);
        Assert.Equal([expectedMatch], decision.Hits.Select(hit => hit.Match));
    }

    [Fact]
    public void Finds_terms_written_with_more_characters_than_the_trie_has_mask_bits()
    {
        // 90 two-letter CJK terms use 91 distinct characters: the ones past the 64th take the trie's slow path.
        var terms = Enumerable.Range(0, 90).Select(i => $"\"{(char)(0x4E00 + i)}{(char)(0x4E00 + i + 1)}\"");
        var ruleSet = TestRuleSets.Only($"""
            rules:
              - id: cjk
                kind: terms
                category: test
                action: flag
                terms: [{string.Join(", ", terms)}]
            """);

        foreach (var i in new[] { 0, 40, 70, 89 })
        {
            var word = $"{(char)(0x4E00 + i)}{(char)(0x4E00 + i + 1)}";
            var decision = TestRuleSets.Decide($"ab {word} cd", ruleSet);
            Assert.Equal([word], decision.Hits.Select(hit => hit.Match));
        }

        Assert.Empty(TestRuleSets.Decide($"{(char)0x4E00}{(char)0x4E02}", ruleSet).Hits);
    }
}
