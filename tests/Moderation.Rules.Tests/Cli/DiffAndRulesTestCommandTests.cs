using Moderation.Cli;
using Moderation.Rules.Hosting;
using Moderation.Rules.RuleSets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Moderation.Rules.Tests.Cli;

public sealed class DiffAndRulesTestCommandTests
{
    private const string Comments = """
        {"id": "1", "text": "buy cheap widgets here"}
        {"id": "2", "text": "what a lovely day"}
        {"id": "3", "text": "you utter gadget"}
        {"id": "4", "text": "buy this gadget"}
        """;

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CliApplication.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Diff_counts_the_moves_by_rule_with_examples_and_exits_zero()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.jsonl", Comments);
        var old = folder.Write("old.yaml", "inherit: false\nrules:\n  - { id: spam.buy, kind: terms, category: spam, action: flag, terms: [buy] }\n");
        var @new = folder.Write("new.yaml", """
            inherit: false
            rules:
              - { id: spam.buy, kind: terms, category: spam, weight: 0.5, terms: [buy] }
              - { id: insult.gadget, kind: terms, category: insult, action: reject, terms: [gadget] }
            """);

        var (exitCode, output, error) = Run("diff", "--input", input, "--rules", old, "--rules", @new, "--examples", "1");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("4 comments: 3 change decision (75.00 %), 1 keep it", output);
        Assert.Matches(@"flag -> approve\s+1\n", output);
        Assert.Matches(@"approve -> reject\s+1\n", output);
        Assert.Matches(@"flag -> reject\s+1\n", output);
        Assert.Matches(@"\+insult\.gadget\s+2\s+approve -> reject 1, flag -> reject 1", output);
        Assert.Matches(@"score 0 -> 0\.5\s+1\s+flag -> approve 1", output);
        Assert.Contains("approve -> reject (1), for example:\n  \"3\"  +insult.gadget  \"you utter gadget\"", output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("\"2\"", output);
    }

    [Fact]
    public void Diff_of_a_ruleset_with_itself_moves_nothing_and_needs_both_rulesets()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.jsonl", Comments);
        var rules = folder.Write("same.yaml", "description: the default pack\n");

        var (exitCode, output, _) = Run("diff", "--input", input, "--rules", rules, "--rules", rules);
        Assert.Equal(0, exitCode);
        Assert.Contains("4 comments: 0 change decision (0.00 %), 4 keep it", output);

        Assert.NotEqual(0, Run("diff", "--input", input, "--rules", rules).ExitCode);
        Assert.Equal(2, Run("diff", "--input", input, "--rules", rules, "--rules", folder.Path + "/missing.yaml").ExitCode);
    }

    [Fact]
    public void Rules_test_runs_each_sites_cases_and_fails_on_a_mismatch()
    {
        using var folder = new TempFolder();
        folder.Write("default.yaml", "rules:\n  - { id: spam.widget, kind: terms, category: spam, action: flag, terms: [widget] }\n");
        folder.Write("default.tests.yaml", """
            tests:
              - { text: "a widget for sale", expect: flag, rules: [spam.widget] }
              - { text: "what a lovely day", expect: approve }
            """);
        folder.Write("sites/sport.yaml", "disable: [spam.widget]\n");
        var sportCases = folder.Write("sites/sport.tests.yaml", """
            tests:
              - text: "a widget for sale"
                expect: flag
              - text: "you idiot"
                expect: flag
                rules: [insult.person, spam.widget]
              - { text: "see https://example.org/x", expect: approve, account_age_days: 400 }
            """);

        var (exitCode, output, _) = Run("rules", "test", folder.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("ok " + Path.Combine(folder.Path, "default.tests.yaml") + ": 2 of 2 cases hold", output);
        Assert.Contains($"fail {sportCases}:2: expected flag, got approve", output);
        Assert.Contains($"fail {sportCases}:4: flag as expected, but spam.widget did not fire", output);
        Assert.Contains($"failed {sportCases}: 1 of 3 cases hold", output);

        folder.Write("sites/sport.tests.yaml", "tests:\n  - { text: \"a widget for sale\", expect: approve }\n");
        Assert.Equal(0, Run("rules", "test", folder.Path).ExitCode);
        Assert.Equal(0, Run("rules", "test", Path.Combine(folder.Path, "sites/sport.tests.yaml")).ExitCode);
    }

    [Fact]
    public void Rules_test_runs_a_sections_cases_with_the_section_over_its_site()
    {
        using var folder = new TempFolder();
        folder.Write("sites/news.yaml", "rules:\n  - { id: spam.widget, kind: terms, category: spam, action: flag, terms: [widget] }\n");
        folder.Write("sites/news/sections/sport.yaml", "rules:\n  - { id: spam.betting, kind: terms, category: spam, action: reject, terms: [betting tips] }\n");
        var sportCases = folder.Write("sites/news/sections/sport.tests.yaml", """
            tests:
              - { text: "our betting tips win", expect: reject, rules: [spam.betting] }
              - { text: "a widget for sale", expect: flag, rules: [spam.widget] }
              - { text: "a widget for sale", expect: approve }
            """);

        var (exitCode, output, _) = Run("rules", "test", folder.Path);
        Assert.Equal(1, exitCode);
        Assert.Contains($"fail {sportCases}:4: expected approve, got flag", output);
        Assert.Contains($"failed {sportCases}: 2 of 3 cases hold", output);

        folder.Write("sites/news/sections/sport.tests.yaml", "tests:\n  - { text: \"our betting tips win\", expect: reject }\n");
        Assert.Equal(0, Run("rules", "test", folder.Path).ExitCode);
        Assert.Equal(0, Run("rules", "test", sportCases).ExitCode);
        var (checkExit, checkOutput, _) = Run("rules", "check", folder.Path);
        Assert.Equal(0, checkExit);
        Assert.Contains("ok " + Path.Combine(folder.Path, "sites", "news", "sections", "sport.yaml") + " version ", checkOutput);
    }

    [Fact]
    public void Diff_and_classify_take_the_section_whose_rules_apply()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.jsonl", "{\"id\": \"1\", \"text\": \"our betting tips win\"}\n");
        folder.Write("before/sites/news.yaml", "description: no rules of its own\n");
        folder.Write(
            "after/sites/news/sections/sport.yaml",
            "rules:\n  - { id: spam.betting, kind: terms, category: spam, action: reject, terms: [betting tips] }\n");
        var rulesBefore = Path.Combine(folder.Path, "before");
        var rulesAfter = Path.Combine(folder.Path, "after");

        var (_, inSection, _) = Run("diff", "--input", input, "--rules", rulesBefore, "--rules", rulesAfter, "--site", "news", "--section", "sport");
        Assert.Contains("1 comments: 1 change decision", inSection);
        var (_, noSection, _) = Run("diff", "--input", input, "--rules", rulesBefore, "--rules", rulesAfter, "--site", "news");
        Assert.Contains("1 comments: 0 change decision", noSection);

        var (exitCode, classified, _) = Run("classify", "--input", input, "--rules", rulesAfter, "--site", "news", "--section", "sport");
        Assert.Equal(0, exitCode);
        Assert.Contains("\"decision\":\"reject\"", classified);
    }

    [Fact]
    public void Rules_check_runs_the_cases_too_and_reports_bad_case_files_by_line()
    {
        using var folder = new TempFolder();
        var rules = folder.Write("site.yaml", "rules:\n  - { id: spam.widget, kind: terms, category: spam, action: reject, terms: [widget] }\n");
        var cases = folder.Write("site.tests.yaml", """
            tests:
              - { text: "a widget", expect: reject }
              - { text: "a widget", expect: maybe }
              - { txt: "typo" , expect: flag }
            """);

        var (exitCode, output, _) = Run("rules", "check", rules);

        Assert.Equal(1, exitCode);
        Assert.Matches($"ok {System.Text.RegularExpressions.Regex.Escape(rules)} version [0-9a-f]{{12}}", output);
        Assert.Contains($"error {cases}:3: 'expect' is approve, flag or reject", output);
        Assert.Contains($"error {cases}:4: unknown key 'txt'", output);
        Assert.Contains($"failed {cases}: 1 of 1 cases hold", output);

        File.WriteAllText(cases, "tests:\n  - { text: \"a widget\", expect: reject }\n");
        Assert.Equal(0, Run("rules", "check", rules).ExitCode);
    }

    [Fact]
    public void Rules_test_without_any_cases_says_so()
    {
        using var folder = new TempFolder();
        var rules = folder.Write("site.yaml", "description: nothing\n");
        var (exitCode, output, _) = Run("rules", "test", rules);
        Assert.Equal(2, exitCode);
        Assert.Contains("No test cases", output);
    }

    [Fact]
    public void A_sites_case_file_is_never_loaded_as_a_site()
    {
        using var folder = new TempFolder();
        folder.Write("sites/news.yaml", "rules:\n  - { id: spam.widget, kind: terms, category: spam, action: reject, terms: [widget] }\n");
        folder.Write("sites/news.tests.yaml", "tests:\n  - { text: \"a widget\", expect: reject }\n");

        Assert.Equal([Path.Combine(folder.Path, "sites", "news.yaml")], RuleSetFolderLayout.SiteFiles(folder.Path));
        using var provider = new FileRuleSetProvider(
            new RulesOptions { Directory = folder.Path }, TimeProvider.System, NullLogger<FileRuleSetProvider>.Instance);
        Assert.NotSame(provider.ForSite("unknown"), provider.ForSite("news"));
        Assert.Same(provider.ForSite("unknown"), provider.ForSite("news.tests"));
    }

    [Fact]
    public void The_deployed_cases_of_the_default_pack_hold()
    {
        var repository = EvalFolder.Repository();
        Assert.NotNull(repository);
        var (exitCode, output, _) = Run("rules", "test", Path.Combine(repository, "deploy", "rules"));
        Assert.True(exitCode == 0, output);
        Assert.Matches(@"ok .*default\.tests\.yaml: (\d+) of \1 cases hold", output);
    }
}
