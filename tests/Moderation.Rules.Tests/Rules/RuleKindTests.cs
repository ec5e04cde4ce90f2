using Moderation.Contracts;

namespace Moderation.Rules.Tests.Rules;

public sealed class RuleKindTests
{
    [Fact]
    public void Regex_rule_reports_its_span_on_the_original_text()
    {
        var ruleSet = TestRuleSets.Only("""
            rules:
              - id: money
                kind: regex
                category: spam
                weight: 1
                pattern: "\\$\\d+ (a|per) day"
            """);
        var decision = TestRuleSets.Decide("Earn $500 a day now", ruleSet);
        var hit = Assert.Single(decision.Hits);
        Assert.Equal(("money", "spam", "$500 a day"), (hit.Rule, hit.Category, hit.Match));
        Assert.Equal(5, hit.Start);
    }

    [Fact]
    public void Regex_rule_on_normalized_text_sees_through_evasions_and_maps_back()
    {
        var ruleSet = TestRuleSets.Only("""
            rules:
              - id: sub
                kind: regex
                category: spam
                weight: 1
                target: normalized
                pattern: "sub ?scribe"
            """);
        var text = "pls SUB-SCRIBE";
        var hit = Assert.Single(TestRuleSets.Decide(text, ruleSet).Hits);
        Assert.Equal("SUB-SCRIBE", hit.Match);
    }

    [Fact]
    public void Regex_rule_runs_a_pattern_that_would_backtrack_catastrophically_to_the_end()
    {
        // Under a backtracking engine "(a+)+b" on a long run of a's needs exponential time and would time out,
        // leaving the rule silent; the non-backtracking engine decides it, so load never changes a decision.
        var ruleSet = TestRuleSets.Only("""
            rules:
              - { id: nested, kind: regex, category: spam, weight: 1, pattern: "(a+)+b" }
            """);
        // The backtracking engine would give up on the run of a's before it reached the match after it.
        var text = new string('a', 40) + "! then ab";
        Assert.Equal("ab", Assert.Single(TestRuleSets.Decide(text, ruleSet).Hits).Match);
        Assert.Empty(TestRuleSets.Decide(new string('a', 5_000) + "!", ruleSet).Hits);
    }

    [Fact]
    public void Regex_rule_with_a_lookaround_still_runs_on_the_backtracking_engine()
    {
        var ruleSet = TestRuleSets.Only("""
            rules:
              - { id: price, kind: regex, category: spam, weight: 1, pattern: "(?<=\\$)\\d+(?= only)" }
            """);
        Assert.Equal("99", Assert.Single(TestRuleSets.Decide("now $99 only", ruleSet).Hits).Match);
    }

    [Fact]
    public void Links_rule_counts_links_allows_domains_and_denies_shorteners()
    {
        var ruleSet = TestRuleSets.Only("""
            rules:
              - id: links
                kind: links
                category: link
                weight: 1
                max_links: 1
                allowed_domains: [example.org]
                shorteners: true
            """);
        Assert.Empty(TestRuleSets.Decide("see https://news.example.org/a and www.other.com", ruleSet).Hits);
        var hits = TestRuleSets.Decide("go to bit.ly/x now", ruleSet).Hits;
        Assert.Equal("bit.ly/x", Assert.Single(hits).Match);
        hits = TestRuleSets.Decide("spam dot com and www.other.com", ruleSet).Hits;
        Assert.Equal("www.other.com", Assert.Single(hits).Match); // the second counted link
    }

    [Fact]
    public void Links_rule_with_an_author_condition_holds_only_new_commenters()
    {
        var ruleSet = TestRuleSets.Only("""
            rules:
              - id: new-link
                kind: links
                category: link
                action: flag
                when: { account_age_days_under: 3 }
            """);
        var engine = new ModerationEngine();
        var text = "read www.site.com";
        Assert.Equal(DecisionOutcome.Flag, engine.Decide(TestRuleSets.Comment(text, accountAgeDays: 1), ruleSet, []).Outcome);
        Assert.Equal(DecisionOutcome.Approve, engine.Decide(TestRuleSets.Comment(text, accountAgeDays: 30), ruleSet, []).Outcome);
        Assert.Equal(DecisionOutcome.Approve, engine.Decide(TestRuleSets.Comment(text), ruleSet, []).Outcome);
    }

    [Fact]
    public void Length_rule_fires_past_the_limit()
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: len, kind: length, action: flag, max_chars: 10 }\n");
        Assert.Equal(DecisionOutcome.Flag, TestRuleSets.Decide("eleven chars", ruleSet).Outcome);
        Assert.Equal(DecisionOutcome.Approve, TestRuleSets.Decide("short", ruleSet).Outcome);
    }

    [Fact]
    public void Capitals_rule_fires_on_shouting_only()
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: caps, kind: capitals, weight: 1, min_letters: 10, max_share: 0.7 }\n");
        Assert.Equal("shouting", Assert.Single(TestRuleSets.Decide("THIS IS ALL CAPITALS", ruleSet).Hits).Category);
        Assert.Empty(TestRuleSets.Decide("This Is Title Case Text", ruleSet).Hits);
        Assert.Empty(TestRuleSets.Decide("OK FINE", ruleSet).Hits); // too short to count
    }

    [Fact]
    public void Repetition_rule_finds_character_runs_and_repeated_words()
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: rep, kind: repetition, weight: 1, max_char_run: 5, max_word_repeats: 2 }\n");
        var hits = TestRuleSets.Decide("nooooooo buy buy buy now", ruleSet).Hits;
        Assert.Equal(["ooooooo", "buy buy buy"], hits.Select(hit => hit.Match));
    }

    [Theory]
    [InlineData("aaaaaa", new[] { "aaaaaa" })] // the whole text, from its first character
    [InlineData("aaaaa", new string[0])] // exactly max_char_run is fine
    [InlineData("xaaaaaa", new[] { "aaaaaa" })]
    [InlineData("hmmmmmmmmmm", new[] { "mmmmmmmmmm" })] // runs that end the text
    [InlineData("!!!!!!?????? yes", new[] { "!!!!!!", "??????" })] // runs side by side, in order
    [InlineData("a      b", new string[0])] // whitespace runs never count
    [InlineData("abcdeffffffghijkl", new[] { "ffffff" })]
    public void Repetition_rule_finds_every_character_run_longer_than_the_limit(string text, string[] expected)
    {
        // Runs are found by probing every max_char_run-th character: runs at every offset must still be found.
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: rep, kind: repetition, weight: 1, max_char_run: 5 }\n");
        Assert.Equal(expected, TestRuleSets.Decide(text, ruleSet).Hits.Select(hit => hit.Match));
    }

    [Theory]
    [InlineData("buy buy buy", "buy buy buy")] // words that end the text
    [InlineData("BUY, buy. buy!", "BUY, buy. buy")]
    [InlineData("go buy buy buy it", "buy buy buy")]
    [InlineData("buyer buy buy buy buys", "buy buy buy")]
    public void Repetition_rule_finds_repeated_words_wherever_they_stand(string text, string expected)
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: rep, kind: repetition, weight: 1, max_word_repeats: 2 }\n");
        Assert.Equal(expected, Assert.Single(TestRuleSets.Decide(text, ruleSet).Hits).Match);
    }

    [Fact]
    public void Repetition_rule_ignores_stutters_and_markup()
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: rep, kind: repetition, weight: 1, max_word_repeats: 2 }\n");
        Assert.Empty(TestRuleSets.Decide("W-W-W-W-WAIT for the chorus <br /><br /><br /><br />", ruleSet).Hits);
        Assert.Equal("spam spam spam", Assert.Single(TestRuleSets.Decide("a a a a spam spam spam", ruleSet).Hits).Match);
    }

    [Fact]
    public void Personal_data_rule_finds_emails_and_phone_numbers()
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: pii, kind: personal_data, action: flag }\n");
        var hits = TestRuleSets.Decide("mail jane.doe@example.com or call 555-123-4567, born 1990", ruleSet).Hits;
        Assert.Equal(["jane.doe@example.com", "555-123-4567"], hits.Select(hit => hit.Match));
    }

    [Theory]
    [InlineData("@bob write to jane.doe@mail.example.co.uk please", "jane.doe@mail.example.co.uk")] // after a mention
    [InlineData("@bob @alice me@x.io", "me@x.io")]
    [InlineData("call (555) 123 4567", "(555) 123 4567")]
    [InlineData("+44 20 7946 0958 office", "+44 20 7946 0958")]
    public void Personal_data_rule_finds_addresses_next_to_what_its_quick_check_skips(string text, string expected)
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: pii, kind: personal_data, action: flag }\n");
        Assert.Equal([expected], TestRuleSets.Decide(text, ruleSet).Hits.Select(hit => hit.Match));
    }

    [Theory]
    [InlineData("@bob thanks, see you at 5.")] // a mention is no address
    [InlineData("@")]
    [InlineData("a@")]
    [InlineData("lol &#128514;&#128514;&#128514; ok")] // many digits, never eight in one number
    [InlineData("scores 1234567, 2345678")]
    [InlineData("this song has 3.406.118.275 plays by now")] // a view count, not a phone
    [InlineData("1,234,567,890 votes were cast")]
    public void Personal_data_rule_passes_mentions_and_scattered_digits(string text)
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: pii, kind: personal_data, action: flag }\n");
        Assert.Empty(TestRuleSets.Decide(text, ruleSet).Hits);
    }

    [Fact]
    public void Proximity_rule_needs_both_terms_close_together_in_one_sentence()
    {
        var ruleSet = TestRuleSets.Only("""
            rules:
              - id: dehumanise
                kind: proximity
                category: hate
                weight: 1
                max_words_between: 3
                terms: [immigrants]
                near: [vermin]
            """);
        Assert.Equal("immigrants are all vermin", Assert.Single(TestRuleSets.Decide("immigrants are all vermin", ruleSet).Hits).Match);
        Assert.Empty(TestRuleSets.Decide("immigrants arrived. vermin ate the grain", ruleSet).Hits);
        Assert.Empty(TestRuleSets.Decide("immigrants are not what the papers say about vermin", ruleSet).Hits);
    }

    [Fact]
    public void Duplicate_rule_compares_with_recent_history_only()
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: dup, kind: duplicate, action: flag, window: 1h, min_similarity: 0.8 }\n");
        var text = "Buy the best watches at our shop today";
        var recent = new PriorComment(Guid.NewGuid(), TestRuleSets.Now.AddMinutes(-5), "buy the BEST watches at our shop today!!");
        var old = recent with { SubmittedAt = TestRuleSets.Now.AddHours(-2) };
        Assert.Equal(DecisionOutcome.Flag, TestRuleSets.Decide(text, ruleSet, [recent]).Outcome);
        Assert.Equal(DecisionOutcome.Approve, TestRuleSets.Decide(text, ruleSet, [old]).Outcome);
        Assert.Equal(TimeSpan.FromHours(1), ruleSet.LookbackWindow);
    }

    [Fact]
    public void Flood_rule_counts_the_authors_comments_in_the_window()
    {
        var ruleSet = TestRuleSets.Only("rules:\n  - { id: flood, kind: flood, action: flag, window: 10m, max_comments: 3 }\n");
        var history = Enumerable.Range(1, 3)
            .Select(minutes => new PriorComment(Guid.NewGuid(), TestRuleSets.Now.AddMinutes(-minutes), $"comment {minutes}"))
            .ToArray();
        Assert.Equal(DecisionOutcome.Flag, TestRuleSets.Decide("hello", ruleSet, history).Outcome);
        Assert.Equal(DecisionOutcome.Approve, TestRuleSets.Decide("hello", ruleSet, history[..2]).Outcome);
    }

    [Fact]
    public void A_reports_condition_holds_a_comment_only_once_readers_reported_it_enough()
    {
        var ruleSet = TestRuleSets.Only("""
            rules:
              - { id: reported, kind: terms, category: insult, action: flag, terms: [clown], when: { reports_at_least: 2 } }
            """);
        var engine = new ModerationEngine();
        CommentToModerate Reported(int? reports) => TestRuleSets.Comment("what a clown show") with { ReaderReports = reports };

        Assert.Equal(DecisionOutcome.Approve, engine.Decide(Reported(null), ruleSet, []).Outcome);
        Assert.Equal(DecisionOutcome.Approve, engine.Decide(Reported(1), ruleSet, []).Outcome);
        Assert.Equal(DecisionOutcome.Flag, engine.Decide(Reported(2), ruleSet, []).Outcome);
        Assert.Equal(DecisionOutcome.Flag, engine.Decide(Reported(7), ruleSet, []).Outcome);
    }
}
